/*
 * The search worker: Material's own (named in our URL, ?material=...), with Korean-aware
 * terms around it. Material builds and queries the index exactly as it always does;
 * we only
 *   - index every word also under the terms Kiwi found for it at build time (the
 *     index's config.briefing.terms), with the word's own position, so results show
 *     and highlight the original text;
 *   - rewrite each query into those terms (BriefingQuery) before Material reads it;
 *   - rank pages that match more of the reader's words first, and report missing
 *     words as the reader typed them.
 * An index without config.briefing is searched exactly as Material would.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3
  var post = self.postMessage.bind(self)
  var listen = self.addEventListener.bind(self)
  var material = []  /* Material's message listeners, called by us with rewritten messages */
  var analysis = null, vocabulary = null, separator = null, pending = []

  self.addEventListener = function (type, listener, options) {
    if (type === "message")
      material.push(listener)
    else
      listen(type, listener, options)
  }
  importScripts("briefing-query.js", new URL(self.location.href).searchParams.get("material"))
  delete self.addEventListener

  /* Index a word under its own text and under each of its terms, at its own position. */
  function expand(token) {
    var terms = analysis && analysis.get(token.toString())
    if (!terms)
      return token
    return [token].concat(terms.filter(function (term) { return term !== token.toString() })
      .map(function (term) { return token.clone(function () { return term }) }))
  }
  lunr.Pipeline.registerFunction(expand, "briefingTerms")

  /* Material configures the pipelines, then names the reference field: add ours there. */
  var ref = lunr.Builder.prototype.ref
  lunr.Builder.prototype.ref = function (name) {
    if (analysis) {
      this.pipeline.add(expand)
      this.searchPipeline.add(expand)
    }
    return ref.call(this, name)
  }

  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    var index = build.call(this)
    if (analysis)
      vocabulary = BriefingQuery.vocabulary(Object.keys(index.invertedIndex), analysis, briefing.glossary)
    return index
  }

  /* A word and its terms share a position: highlight it once, or Material nests the marks. */
  var query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    var results = query.call(this, fn)
    if (analysis)
      results.forEach(function (result) { distinctPositions(result.matchData.metadata) })
    return results
  }

  function distinctPositions(metadata) {
    var seen = {}
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        var entry = metadata[term][field], taken = seen[field] = seen[field] || new Set()
        if (entry.position)
          entry.position = entry.position.filter(function (p) { return !taken.has(p) && taken.add(p) })
      })
    })
  }

  var briefing = {}
  function setup(config) {
    briefing = config.briefing || {}
    analysis = config.briefing ? BriefingQuery.analysis(briefing) : null
    separator = new RegExp(config.separator)
    vocabulary = null
  }

  function rewrite(message) {
    if (message.type === SETUP)
      setup(message.data.config)
    if (message.type !== QUERY || !vocabulary)
      return message
    var groups = vocabulary.analyze(message.data, separator)
    pending.push(groups)
    return { type: QUERY, data: BriefingQuery.queryString(groups) }
  }

  listen("message", function (ev) {
    var message = rewrite(ev.data)
    material.forEach(function (listener) { listener({ data: message }) })
  })

  self.postMessage = function (message) {
    if (message.type === RESULT && pending.length)
      message = { type: RESULT, data: BriefingQuery.rank(message.data, pending.shift()) }
    post(message)
  }
})()
