/** An image the app imports (`import shareImage from './share.jpg'`), as the build hands it over: its path in the package. */
export default '/packages/invite/share.jpg';
