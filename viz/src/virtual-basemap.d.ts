// Made at build time by viz/build/basemap.ts from a geographic-data package.
declare module 'virtual:basemap' {
  const outlines: { name: string; rings: [number, number][][] }[];
  export default outlines;
}
