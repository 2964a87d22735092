/*
 * The search worker: Material's own (named in our URL, ?material=...), with Korean-aware
 * terms around it. Material builds and queries the index exactly as it always does;
 * we only
 *   - index every word also under the terms Kiwi found for it at build time (the
 *     index's config.briefing.terms), at the word's own position, so results show
 *     and highlight the original text;
 *   - rewrite each query into those terms (BriefingQuery) before Material reads it;
 *   - rank pages that match more of the reader's words first, and name missing words
 *     as the reader typed them.
 * An index without config.briefing is searched exactly as Material would.
 */
(() => {
  "use strict"

  const SETUP = 0, QUERY = 2, RESULT = 3
  const post = self.postMessage.bind(self)
  const listen = self.addEventListener.bind(self)
  const material = []  /* Material's message listeners, called by us with rewritten messages */
  let briefing = {}, analysis = null, vocabulary = null, separator = null
  const pending = []  /* the analyzed queries whose results are still to come, oldest first */

  self.addEventListener = (type, listener, options) => {
    if (type === "message")
      material.push(listener)
    else
      listen(type, listener, options)
  }
  importScripts("briefing-query.js", new URL(self.location.href).searchParams.get("material"))
  delete self.addEventListener

  /* Index a word under its own text and under each of its terms, at its own position. */
  function expand(token) {
    const word = token.toString(), terms = analysis && analysis.get(word)
    if (!terms)
      return token
    return [token, ...terms.filter(term => term !== word).map(term => token.clone(() => term))]
  }
  lunr.Pipeline.registerFunction(expand, "briefingTerms")

  /* Material sets up the pipelines, then names the reference field: ours go in there. */
  const ref = lunr.Builder.prototype.ref
  lunr.Builder.prototype.ref = function (name) {
    if (analysis) {
      this.pipeline.add(expand)
      this.searchPipeline.add(expand)
    }
    return ref.call(this, name)
  }

  const build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    const index = build.call(this)
    if (analysis)
      vocabulary = BriefingQuery.vocabulary(Object.keys(index.invertedIndex), analysis, briefing.glossary)
    return index
  }

  /* A word and its terms share a position: mark it once, or Material nests the marks. */
  const query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    const results = query.call(this, fn)
    if (analysis)
      results.forEach(result => distinctPositions(result.matchData.metadata))
    return results
  }

  function distinctPositions(metadata) {
    const seen = {}
    for (const fields of Object.values(metadata))
      for (const [field, entry] of Object.entries(fields)) {
        const taken = seen[field] = seen[field] || new Set()
        if (entry.position)
          entry.position = entry.position.filter(p => !taken.has(p) && taken.add(p))
      }
  }

  function rewrite(message) {
    if (message.type === SETUP) {
      briefing = message.data.config.briefing || {}
      analysis = message.data.config.briefing ? BriefingQuery.analysis(briefing) : null
      separator = new RegExp(message.data.config.separator)
      vocabulary = null
    }
    if (message.type !== QUERY || !vocabulary)
      return message
    const groups = vocabulary.analyze(message.data, separator)
    pending.push(groups)
    return { type: QUERY, data: BriefingQuery.queryString(groups) }
  }

  /* A failure of ours leaves the message as Material has it, and says so. */
  function attempt(change, message) {
    try {
      return change(message)
    } catch (err) {
      console.warn("Korean-aware search left this message as it was:", err)
      return message
    }
  }

  listen("message", ev => {
    const message = attempt(rewrite, ev.data)
    material.forEach(listener => listener({ data: message }))
  })

  self.postMessage = message => {
    if (message.type === RESULT && pending.length) {
      const groups = pending.shift()
      message = attempt(result => ({ type: RESULT, data: BriefingQuery.rank(result.data, groups) }), message)
    }
    post(message)
  }
})()
