// Share links: show the "Kopieer link" button only when the clipboard can be used.
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-share-copy]").forEach(function (button) {
    var status = button.parentElement.querySelector("[data-share-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-share-copy")).then(
        function () { if (status) status.textContent = "Link gekopieerd"; },
        function () { if (status) status.textContent = "Kopiëren lukte niet; kopieer de adresbalk."; }
      );
    });
  });
})();
