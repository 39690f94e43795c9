// The timeline of a dyad: events per month, stacked by PLOVER type.
"use strict";

(async function drawTimeline() {
  const holder = document.getElementById("timeline");
  let data;
  try {
    data = await rasad.fetchJson("/api/dyads", rasad.filterParams());
  } catch (error) {
    holder.textContent = `Could not load the timeline: ${error.message}`;
    return;
  }
  if (!data.months.length) {
    holder.textContent = "No events for this pair.";
    return;
  }
  const types = Object.keys(rasad.typeColours).filter((t) => data.months.some((m) => m.types[t]));
  const width = holder.clientWidth || 900;
  const height = holder.clientHeight || 360;
  const margin = { top: 12, right: 12, bottom: 48, left: 36 };
  const x = d3.scaleBand().domain(data.months.map((m) => m.month))
    .range([margin.left, width - margin.right]).padding(0.2);
  const y = d3.scaleLinear().domain([0, d3.max(data.months, (m) => m.total)]).nice()
    .range([height - margin.bottom, margin.top]);
  const stack = d3.stack().keys(types).value((m, t) => m.types[t] || 0)(data.months);

  const svg = d3.select(holder).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "Events per month");
  svg.append("g").selectAll("g").data(stack).join("g")
    .attr("fill", (layer) => rasad.typeColours[layer.key])
    .selectAll("rect")
    .data((layer) => layer.filter((d) => d[1] > d[0]).map((d) => Object.assign(d, { key: layer.key })))
    .join("rect")
    .attr("class", "bar")
    .attr("x", (d) => x(d.data.month)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
    .on("click", (_, d) => {
      const params = rasad.filterParams();
      if (/^\d{4}(-\d{2})?$/.test(d.data.month)) {
        params.set("date_from", d.data.month);
        params.set("date_to", d.data.month);
      }
      params.set("type", d.key);
      window.location.href = `/events?${params}`;
    })
    .append("title").text((d) => `${d.data.month}: ${d.key} ${d[1] - d[0]}`);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x)).selectAll("text")
    .attr("transform", "rotate(-35)").attr("text-anchor", "end").attr("dx", "-0.4em").attr("dy", "0.6em");
  svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(Math.min(8, y.domain()[1])).tickFormat(d3.format("d")));

  const legend = d3.select("#timeline-legend");
  const keys = legend.selectAll("span").data(types).join("span").attr("class", "key");
  keys.append("i").attr("class", "key-colour").each(function colour(t) {
    this.style.background = rasad.typeColours[t];
  });
  keys.append("span").text((t) => t);
})();
