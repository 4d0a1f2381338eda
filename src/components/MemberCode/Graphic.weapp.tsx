/** The mini program build's Graphic (see Graphic.tsx): the 2d canvas alone. */
export { CanvasGraphic as Graphic } from './CanvasGraphic';
