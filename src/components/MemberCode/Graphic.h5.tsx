/** The H5 build's Graphic (see Graphic.tsx): the SVG image alone. */
export { ImageGraphic as Graphic } from './ImageGraphic';
