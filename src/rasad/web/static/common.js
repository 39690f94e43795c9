// Shared helpers for the rasad pages. Data reaches the page only through textContent and
// setAttribute (via d3's .text() and .attr()), never innerHTML, so article text stays text.
"use strict";

const rasad = {
  // The page's own filter parameters, passed on to the API unchanged.
  filterParams() {
    const params = new URLSearchParams(window.location.search);
    params.delete("offset");
    params.delete("limit");
    return params;
  },

  async fetchJson(path, params) {
    const query = params && params.toString() ? `?${params}` : "";
    const response = await fetch(`${path}${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || `HTTP ${response.status}`);
    }
    return body;
  },

  showStatus(element, message) {
    if (element) {
      element.textContent = message;
    }
  },

  // One colour per PLOVER type: greens and blues for cooperation, warm colours for conflict.
  typeColours: {
    AGREE: "#2f855a", CONSULT: "#48bb78", SUPPORT: "#9ae6b4", CONCEDE: "#38b2ac",
    COOPERATE: "#2b6cb0", AID: "#63b3ed", RETREAT: "#a3bffa",
    REQUEST: "#d69e2e", ACCUSE: "#ed8936", REJECT: "#f6ad55", THREATEN: "#dd6b20",
    PROTEST: "#e53e3e", SANCTION: "#9b2c2c", MOBILIZE: "#b83280", COERCE: "#742a2a", ASSAULT: "#1a202c",
  },

  link(path, params) {
    return `${path}?${new URLSearchParams(params)}`;
  },
};
