/** Stylesheets are imported for their side effect in the build; in jsdom they are nothing. */
export default {};
