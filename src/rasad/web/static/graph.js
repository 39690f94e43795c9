// The relations graph: a force layout of states (circles) and IGOs (squares); each line is an
// actor-recipient pair, coloured by whether most of its events are cooperative or conflictual.
"use strict";

(async function drawGraph() {
  const holder = document.getElementById("graph");
  const status = document.getElementById("graph-status");
  let data;
  try {
    data = await rasad.fetchJson(holder.dataset.source, rasad.filterParams());
  } catch (error) {
    rasad.showStatus(status, `Could not load the graph: ${error.message}`);
    return;
  }
  if (!data.nodes.length) {
    rasad.showStatus(status, "No relations match these filters.");
    return;
  }
  rasad.showStatus(status, `${data.nodes.length} states and organisations, ${data.edges.length} pairs.`);

  const width = holder.clientWidth || 900;
  const height = holder.clientHeight || 640;
  const maxEvents = d3.max(data.edges, (e) => e.events);
  const maxNode = d3.max(data.nodes, (n) => n.events);
  const strokeWidth = d3.scaleSqrt().domain([1, maxEvents]).range([1.2, 9]);
  const radius = d3.scaleSqrt().domain([1, maxNode]).range([5, 22]);
  const tone = (e) => (e.cooperative >= e.conflictual ? "cooperative" : "conflictual");

  const svg = d3.select(holder).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "Relations graph");
  const edges = svg.append("g").attr("fill", "none").selectAll("path").data(data.edges).join("path")
    .attr("class", (e) => `edge ${tone(e)}`)
    .attr("stroke-width", (e) => strokeWidth(e.events));
  edges.append("title").text((e) => {
    const types = Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(", ");
    return `${e.source} → ${e.target}: ${e.events} events (${e.cooperative} cooperative, ` +
      `${e.conflictual} conflictual)\n${types}`;
  });
  edges.on("click", (_, e) => {
    window.location.href = rasad.link("/timeline", {
      actor: e.source.id, recipient: e.target.id, symmetric: "true",
    });
  });

  const nodes = svg.append("g").selectAll("g").data(data.nodes).join("g")
    .attr("class", (n) => `node ${n.kind}`).attr("data-id", (n) => n.id);
  nodes.filter((n) => n.kind === "igo").append("rect")
    .attr("width", (n) => radius(n.events) * 1.7).attr("height", (n) => radius(n.events) * 1.7)
    .attr("x", (n) => -radius(n.events) * 0.85).attr("y", (n) => -radius(n.events) * 0.85).attr("rx", 3);
  nodes.filter((n) => n.kind !== "igo").append("circle").attr("r", (n) => radius(n.events));
  nodes.append("text").attr("dy", (n) => radius(n.events) + 12).attr("text-anchor", "middle")
    .text((n) => n.name);
  nodes.append("title").text((n) => `${n.name} (${n.id}): ${n.events} events`);
  nodes.on("click", (_, n) => {
    const params = rasad.filterParams();
    params.set("actor", n.id);
    window.location.href = `/events?${params}`;
  });

  const simulation = d3.forceSimulation(data.nodes)
    .force("link", d3.forceLink(data.edges).id((n) => n.id).distance(150).strength(0.15))
    .force("charge", d3.forceManyBody().strength((n) => -300 - 25 * radius(n.events)))
    .force("collide", d3.forceCollide().radius((n) => radius(n.events) + 18))
    .force("x", d3.forceX(width / 2).strength(0.04))
    .force("y", d3.forceY(height / 2).strength(0.07))
    .stop();
  simulation.tick(300);
  const inside = (value, low, high) => Math.max(low, Math.min(high, value));
  for (const n of data.nodes) {
    n.x = inside(n.x, 30, width - 30);
    n.y = inside(n.y, 25, height - 35);
  }
  // Each direction of a pair bends to its own side, so A → B and B → A stay apart.
  edges.attr("d", (e) => {
    const dx = e.target.x - e.source.x;
    const dy = e.target.y - e.source.y;
    const bendX = e.source.x + dx / 2 - dy * 0.12;
    const bendY = e.source.y + dy / 2 + dx * 0.12;
    return `M${e.source.x},${e.source.y} Q${bendX},${bendY} ${e.target.x},${e.target.y}`;
  });
  nodes.attr("transform", (n) => `translate(${n.x},${n.y})`);
})();
