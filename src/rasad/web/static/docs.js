// Starts the vendored Swagger UI on rasad's OpenAPI document (no inline script: CSP forbids it).
"use strict";

window.addEventListener("load", () => {
  const holder = document.getElementById("swagger-ui");
  SwaggerUIBundle({ url: holder.dataset.spec, domNode: holder, deepLinking: true });
});
