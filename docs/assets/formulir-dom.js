/*
 * The contribution form's page helpers (/kontribusi/formulir/), loaded first: elements built
 * with text only (never innerHTML, so every typed value stays text under the site's
 * Content-Security-Policy) and the namespace the form's other files share.
 */
(function () {
  "use strict";

  var K = (window.KatalogFormulir = window.KatalogFormulir || {});

  /** An element with attributes and children; text children become text nodes. */
  K.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name === "text") node.textContent = value;
      else if (name === "hidden") node.hidden = Boolean(value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  };

  /** Text with `code` spans, as DOM nodes (never parsed as HTML). */
  K.richText = function (text) {
    var fragment = document.createDocumentFragment();
    String(text).split("`").forEach(function (part, i) {
      if (part === "") return;
      fragment.appendChild(i % 2 ? K.el("code", { text: part }) : document.createTextNode(part));
    });
    return fragment;
  };

  K.option = function (value, text, selected) {
    return K.el("option", { value: value, text: text, selected: selected || false });
  };

  /** Replace a paragraph's content with rich text, hiding it when there is none. */
  K.say = function (node, text) {
    node.textContent = "";
    if (text) node.appendChild(K.richText(text));
    node.hidden = !text;
  };
})();
