// The explorer's sizes on screen, in pixels: the stylesheet divides them by the zoom, the layer
// and the label placement read them as they are.
export const SIZES = {
  node: 20, // pixels across a node
  city: 30, // pixels across a city
  font: 12.5, // label size in pixels
  cityFont: 15,
  labelWidth: 130, // pixels a label may take before it ends in an ellipsis
  labelMargin: 3, // pixels between a node and its label
  labelPadding: 1, // pixels of the label's background around the text
  edge: 1.6, // pixels of a line
  edgeStressed: 4, // pixels of a line highlighted, or one of the selected node's, or selected itself
  edgePointed: 3.2, // pixels of a line under the pointer
  edgeFont: 12, // a relation's name on its line, in pixels
};
