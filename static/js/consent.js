// Cookie consent. Pages come from a shared cache and are the same for every visitor, so
// the choice is kept in this browser's localStorage (never sent to the server, unlike a
// cookie) and the banner, always in the page but hidden, is shown from here. The
// statistics script loads only after "Cookies toestaan"; its address and measurement ID
// come from data attributes that the site settings fill in.
(function () {
  "use strict";
  var STORAGE_KEY = "pps-cookie-consent";
  var GRANTED = "granted";
  var DENIED = "denied";
  // Cookie name prefixes of common statistics services (Google Analytics, Matomo); these
  // are removed when a visitor withdraws consent.
  var ANALYTICS_COOKIE_PREFIXES = ["_ga", "_gid", "_gat", "_pk_"];
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

  var banner = document.querySelector("[data-consent-banner]");
  if (!banner) return;
  var scriptSrc = banner.getAttribute("data-analytics-src") || "";
  var measurementId = banner.getAttribute("data-analytics-id") || "";
  // Without statistics the site sets no cookie that needs consent: nothing to ask.
  if (!/^https:\/\//.test(scriptSrc)) return;

  var statusMessage = document.querySelector("[data-consent-status]");
  var settingsButtons = document.querySelectorAll("[data-consent-open]");
  var sessionChoice = null; // used when the browser blocks localStorage
  var opener = null;

  function storedChoice() {
    var value = sessionChoice;
    try {
      value = window.localStorage.getItem(STORAGE_KEY) || sessionChoice;
    } catch (error) {
      // Storage blocked: the choice lasts as long as this page.
    }
    return value === GRANTED || value === DENIED ? value : null;
  }

  function storeChoice(choice) {
    sessionChoice = choice;
    try {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } catch (error) {
      // Storage blocked: the banner asks again on the next page.
    }
  }

  function loadAnalytics() {
    if (document.querySelector("script[data-analytics]")) return;
    // gtag-style configuration; a service that does not read dataLayer ignores it.
    window.dataLayer = window.dataLayer || [];
    window.gtag = window.gtag || function () { window.dataLayer.push(arguments); };
    if (measurementId) {
      window["ga-disable-" + measurementId] = false;
      window.gtag("js", new Date());
      window.gtag("config", measurementId, { anonymize_ip: true });
    }
    var script = document.createElement("script");
    script.async = true;
    script.src = scriptSrc;
    script.setAttribute("data-analytics", "");
    document.head.appendChild(script);
  }

  function stopAnalytics() {
    // A script that already ran cannot be unloaded; Google's documented switch stops it
    // sending, and no later page loads it.
    if (measurementId) window["ga-disable-" + measurementId] = true;
    var hostParts = window.location.hostname.split(".");
    document.cookie.split(";").forEach(function (pair) {
      var name = pair.split("=")[0].trim();
      var isAnalytics = ANALYTICS_COOKIE_PREFIXES.some(function (prefix) {
        return name.indexOf(prefix) === 0;
      });
      if (!isAnalytics) return;
      // Services set their cookies on the host or on a parent domain: try each.
      var expired = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
      document.cookie = expired;
      for (var i = 0; i < hostParts.length - 1; i++) {
        document.cookie = expired + "; domain=." + hostParts.slice(i).join(".");
      }
    });
  }

  // The fixed banner must not hide the end of the page or a focused element under it.
  function reserveSpace() {
    var height = banner.hidden ? 0 : banner.offsetHeight;
    document.documentElement.style.setProperty("--cookie-banner-height", height + "px");
  }

  function setExpanded(open) {
    settingsButtons.forEach(function (button) {
      button.setAttribute("aria-expanded", String(open));
    });
  }

  function showBanner(from) {
    opener = from || null;
    banner.hidden = false;
    setExpanded(true);
    reserveSpace();
    // Opened on request: take the keyboard there. On a first visit, leave focus alone.
    if (opener) banner.focus();
  }

  // The first focusable element after the banner, so keyboard users carry on in order.
  function nextFocusable() {
    var candidates = document.querySelectorAll(FOCUSABLE);
    for (var i = 0; i < candidates.length; i++) {
      var follows = banner.compareDocumentPosition(candidates[i]) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (follows && !banner.contains(candidates[i]) && candidates[i].offsetParent !== null) {
        return candidates[i];
      }
    }
    return null;
  }

  function choose(choice) {
    storeChoice(choice);
    banner.hidden = true;
    setExpanded(false);
    reserveSpace();
    if (choice === GRANTED) {
      loadAnalytics();
    } else {
      stopAnalytics();
    }
    if (statusMessage) {
      statusMessage.textContent = choice === GRANTED
        ? "Uw keuze is opgeslagen: u staat statistiekcookies toe."
        : "Uw keuze is opgeslagen: u weigert statistiekcookies.";
    }
    var target = opener || nextFocusable();
    opener = null;
    if (target) target.focus();
  }

  banner.querySelectorAll("[data-consent-choice]").forEach(function (button) {
    button.addEventListener("click", function () {
      choose(button.getAttribute("data-consent-choice"));
    });
  });
  settingsButtons.forEach(function (button) {
    var item = button.closest("[data-consent-settings]") || button;
    item.hidden = false;
    button.addEventListener("click", function () {
      if (banner.hidden) {
        showBanner(button);
      } else {
        banner.focus();
      }
    });
  });
  window.addEventListener("resize", reserveSpace);

  var choice = storedChoice();
  if (choice === GRANTED) {
    loadAnalytics();
  } else if (choice === null) {
    showBanner(null);
  }
})();
