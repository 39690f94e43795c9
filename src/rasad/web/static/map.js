// Event locations on an offline world outline (Natural Earth 110m via world-atlas, vendored).
"use strict";

(async function drawMap() {
  const holder = document.getElementById("map");
  const status = document.getElementById("map-status");
  let world;
  let data;
  try {
    [world, data] = await Promise.all([
      rasad.fetchJson("/static/vendor/world-atlas/countries-110m.json"),
      rasad.fetchJson("/api/locations", rasad.filterParams()),
    ]);
  } catch (error) {
    rasad.showStatus(status, `Could not load the map: ${error.message}`);
    return;
  }
  const width = holder.clientWidth || 900;
  const height = holder.clientHeight || 560;
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);

  const svg = d3.select(holder).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "Map of event locations");
  const layer = svg.append("g");
  layer.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
  layer.append("g").selectAll("path").data(land.features).join("path")
    .attr("class", "land").attr("d", path).attr("stroke-width", 0.5)
    .append("title").text((f) => f.properties.name);

  const places = data.places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  rasad.showStatus(status, places.length
    ? `${places.length} places, ${d3.sum(places, (p) => p.count)} events.`
    : "No event in these results names a place.");
  const radius = d3.scaleSqrt().domain([1, d3.max(places, (p) => p.count) || 1]).range([4, 24]);
  const marks = layer.append("g").selectAll("g").data(places).join("g")
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`);
  marks.append("circle").attr("class", "place").attr("r", (p) => radius(p.count)).attr("stroke-width", 0.8)
    .append("title").text((p) => `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.count} events`);
  marks.append("text").attr("class", "place-label").attr("dx", (p) => radius(p.count) + 3)
    .attr("dy", "0.35em").attr("font-size", 10).attr("stroke-width", 3).text((p) => p.name);

  // Wheel or pinch to zoom, drag to pan; circles and labels keep their size on screen.
  svg.call(d3.zoom().scaleExtent([1, 16]).translateExtent([[0, 0], [width, height]]).on("zoom", (event) => {
    const scale = event.transform.k;
    layer.attr("transform", event.transform);
    marks.select("circle").attr("r", (p) => radius(p.count) / scale).attr("stroke-width", 0.8 / scale);
    marks.select("text").attr("font-size", 10 / scale).attr("stroke-width", 3 / scale)
      .attr("dx", (p) => (radius(p.count) + 3) / scale);
    layer.selectAll(".land").attr("stroke-width", 0.5 / scale);
  }));
})();
