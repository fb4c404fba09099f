// Material for MkDocs' storage helpers, loaded as a file instead of Material's inline script
// so that the site's Content-Security-Policy allows scripts from the site only.
(function () {
  var script = document.currentScript;
  var scope = (script && script.getAttribute("data-md-scope")) || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage full or disabled: Material works without it.
    }
  };
  // Material writes its drawer and search toggles with autocomplete="off", which kept Firefox
  // from restoring an open drawer on going back; that attribute is invalid on a checkbox and
  // is left out (generator/mkdocs/theme_source.py), so a shown page closes them instead.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  });
})();
