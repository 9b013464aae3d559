/* bantin search: plain JavaScript, no framework, works from file://.
   Matching ignores Vietnamese tone marks and đ: "ky anh" finds "Kỳ Anh". */
(function () {
  "use strict";
  var data = window.BANTIN_SEARCH;
  var form = document.getElementById("search-form");
  if (!data || !form) { return; }
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = form.getAttribute("data-root") || "";
  var words = { none: form.getAttribute("data-none"), count: form.getAttribute("data-count") };

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  var items = data.a.map(function (a) {
    var district = data.d[a[2]] || "";
    return { a: a, district: district, title: fold(a[0]), rest: fold([a[4], district, a[5]].join(" ")) };
  });

  function score(item, terms, phrase) {
    var s = 0;
    for (var i = 0; i < terms.length; i++) {
      var inTitle = item.title.indexOf(terms[i]) !== -1;
      if (!inTitle && item.rest.indexOf(terms[i]) === -1) { return 0; }
      s += inTitle ? 10 : 1;
    }
    if (item.title.indexOf(phrase) !== -1) { s += 100; }
    return s;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function run(q) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var phrase = fold(q).replace(/\s+/g, " ").trim();
    if (!phrase) { status.textContent = ""; return; }
    var terms = phrase.split(" ");
    var hits = [];
    items.forEach(function (item, i) {
      var s = score(item, terms, phrase);
      if (s > 0) { hits.push({ item: item, score: s, order: i }); }
    });
    hits.sort(function (x, y) { return y.score - x.score || x.order - y.order; });
    status.textContent = hits.length ? words.count.replace("{n}", hits.length) : words.none;
    hits.forEach(function (h) {
      var a = h.item.a;
      var li = el("li", "article-item");
      var heading = el("h3");
      var link = el("a", "", a[0]);
      link.href = root + a[1];
      heading.appendChild(link);
      li.appendChild(heading);
      li.appendChild(el("p", "meta", a[3] + " · " + h.item.district));
      if (a[4]) { li.appendChild(el("p", "summary", a[4])); }
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  run(initial);
  input.addEventListener("input", function () {
    run(input.value);
    try {
      var url = new URL(window.location.href);
      if (input.value) { url.searchParams.set("q", input.value); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* some browsers refuse history changes on file:// */ }
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(input.value); });
})();
