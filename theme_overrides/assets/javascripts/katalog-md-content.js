// Material for MkDocs' content script, loaded as a file (see katalog-md-base.js).
(function () {
  var script = document.currentScript;
  if (script && script.hasAttribute("data-md-tabs-link")) {
    var tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        var chosen = Array.from(labels.getElementsByTagName("label")).find(function (label) {
          return tabs.indexOf(label.innerText.trim()) !== -1;
        });
        if (chosen) document.getElementById(chosen.htmlFor).checked = true;
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
