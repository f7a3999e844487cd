/** A server-only component's styles (vite/server-css.ts): imported for its side effect only. */
declare module '*?server-css' {}
