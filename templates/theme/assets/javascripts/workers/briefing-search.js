/*
 * The search worker: answers Material's search box (its SETUP and QUERY messages, with
 * READY and RESULT) from the index in fragments, so the box, its keys and the results
 * list stay Material's while a query fetches only its own terms and results.
 *
 * SETUP brings the manifest Material's page fetched (search/search_index.json): nothing
 * else is fetched before the first query. Files are found relative to this worker's own
 * address (<lang>/assets/javascripts/workers/), so a site under a sub-folder works.
 * Queries are answered one after the other, each with a RESULT, in the order asked.
 */
importScripts("briefing-query.js")

;(() => {
  "use strict"

  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  const folder = new URL("../../../search/", self.location.href)
  let search = null, queue = Promise.resolve()

  self.addEventListener("message", ev => {
    const message = ev.data
    if (message.type === SETUP) {
      search = BriefingQuery.search(message.data.config, folder)
      self.postMessage({ type: READY })
    } else if (message.type === QUERY && search) {
      const asked = search
      queue = queue.then(() => asked.query(message.data)).catch(err => {
        console.warn("search failed:", err)
        return { items: [] }
      }).then(data => self.postMessage({ type: RESULT, data }))
    }
  })
})()
