/*
 * Korean-aware queries: what a reader types, reduced to the terms the index holds,
 * looked up in the index's shards and ranked (BM25).
 *
 * At build time Kiwi gave every Korean word of the site its terms (정상회담은 →
 * 정상회담, 정상, 회담; 강화했다 → 강화; 밝혔다 → 밝히). Kiwi cannot run here, so a
 * query word is reduced with what the index knows: a word the site uses gets Kiwi's
 * own first term; any other word loses particles and endings, by rule, until it is a
 * term of the index (북한을 → 북한, 강화하다 → 강화, 밝히다 → 밝히). A word that
 * starts an indexed word is also kept as typed, so prefixes work while typing. The
 * glossary adds the other language's term for any glossary term in the query.
 *
 * The index is in fragments (src/briefing/outputs/search/fragments.py): a `Shelf`
 * fetches only the term shards a query's words and their stems fall in, and the page
 * fragments of the results shown. A plain script: the search worker imports it, and
 * the tests load it into a page.
 */
const BriefingQuery = (() => {
  "use strict"

  /* Particles and endings that follow a noun or a stem, longest first. */
  const SUFFIXES = [
    "은", "는", "이", "가", "을", "를", "의", "에", "께", "로", "와", "과", "도", "만", "나",
    "며", "고", "다", "요", "들", "란", "라", "서", "면", "게", "지", "기", "어", "아", "여",
    "으", "하", "되", "던", "든",
    "에서", "에게", "께서", "한테", "으로", "까지", "부터", "보다", "처럼", "마다", "조차",
    "마저", "라도", "이나", "이며", "이고", "이다", "라는", "라고", "에는", "에도", "로는",
    "로도", "과의", "와의", "에의", "와는", "과는", "이란", "이라", "들이", "들은", "들을",
    "들의", "기로", "기도", "도록", "었다", "았다", "였다", "겠다", "는다", "하다", "되다",
    "시키", "하기", "되기", "이라는", "이라고", "에서는", "에서도", "에서의", "으로는",
    "으로도", "으로의", "에게는", "습니다", "하기로", "되기로"
  ].sort((a, b) => b.length - a.length)

  const HANGUL = /[\uac00-\ud7a3]/
  const FIRST = 0xac00, LAST = 0xd7a3, FINALS = 28, MEDIALS = 21
  const ENDING_FINALS = new Set([4, 8, 16, 17, 20])  /* ㄴ ㄹ ㅁ ㅂ ㅆ: 한 할 함 합 했 */
  const CONTRACTED = new Map([[1, 0], [6, 20], [9, 8], [14, 13], [10, 11]])  /* 해→하 혀→히 와→오 워→우 돼→되 */
  const DEPTH = 4

  /* The word with its last syllable respelled by `change(medial, final)`, or null. */
  function respell(word, change) {
    const offset = word.charCodeAt(word.length - 1) - FIRST
    if (offset < 0 || offset > LAST - FIRST)
      return null
    const next = change(Math.floor(offset / FINALS) % MEDIALS, offset % FINALS)
    if (!next)
      return null
    const initial = Math.floor(offset / (MEDIALS * FINALS))
    return word.slice(0, -1) + String.fromCharCode(FIRST + (initial * MEDIALS + next[0]) * FINALS + next[1])
  }

  /* The word, then every shorter form it can come from: endings off, contractions undone. */
  function stems(word) {
    const found = new Set([word])
    let frontier = [word]
    for (let depth = 0; depth < DEPTH && frontier.length; depth++) {
      const next = []
      for (const form of frontier) {
        for (const suffix of SUFFIXES)
          if (form.length > suffix.length && form.endsWith(suffix))
            next.push(form.slice(0, -suffix.length))
        next.push(respell(form, (medial, final) => ENDING_FINALS.has(final) ? [medial, 0] : null))
        next.push(respell(form, (medial, final) => final === 0 && CONTRACTED.has(medial) ? [CONTRACTED.get(medial), 0] : null))
      }
      frontier = next.filter(form => form && !found.has(form))
      frontier.forEach(form => found.add(form))
    }
    return [...found]
  }

  const K1 = 1.2, B = 0.75, TITLE = 3  /* BM25; a title word counts three times (as the page lengths do) */
  const PREFIX = 0.6  /* a word that only starts with the query word counts for less than the word itself */
  const LISTING = 0.5  /* pages that list others (topics, months, glossary) rank below what they list */
  const SHOWN = 10, NEAR_SHARDS = 3, EXCERPT = 220

  /* Fetched files of one language's search folder: the manifest's shards, the page table, page fragments. */
  class Shelf {
    constructor(base, info, fetcher) {
      this.base = base
      this.info = info
      this.fetcher = fetcher || (url => fetch(url).then(response => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`)
        return response.json()
      }))
      this.files = new Map()
      this.entries = new Map()  /* term -> [postings] or [postings, Kiwi's terms] */
      this.loaded = new Map()   /* shard number -> its terms, sorted */
    }

    file(name) {
      if (!this.files.has(name))
        this.files.set(name, this.fetcher(new URL(`${name}?v=${this.info.version}`, this.base).href))
      return this.files.get(name)
    }

    /* The shard a term is in, and those after it that may hold longer words starting with it. */
    shardsOf(term) {
      const starts = this.info.shards
      let low = 0, high = starts.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if (starts[middle] <= term) low = middle + 1
        else high = middle
      }
      const found = [Math.max(0, low - 1)]
      for (let next = low; next < starts.length && found.length < NEAR_SHARDS && starts[next].startsWith(term); next++)
        found.push(next)
      return found
    }

    async need(terms) {
      const numbers = [...new Set(terms.filter(Boolean).flatMap(term => this.shardsOf(term)))].filter(n => !this.loaded.has(n))
      await Promise.all(numbers.map(async n => {
        const shard = await this.file(this.info.files.shard.replace("{key}", n))
        Object.entries(shard).forEach(([term, entry]) => this.entries.set(term, entry))
        this.loaded.set(n, Object.keys(shard))
      }))
    }

    table() { return this.file(this.info.files.pages) }
    page(number) { return this.file(this.info.files.page.replace("{key}", number)) }

    /* Whether `word` is a term of the index: a word of the text that is not only a form of others, or one of Kiwi's terms. */
    has(word) {
      const entry = this.entries.get(word)
      return Boolean(entry) && (entry.length < 2 || entry[1].includes(word))
    }

    analysis(word) {
      const entry = this.entries.get(word)
      return entry && entry[1]
    }

    /* Indexed words that start with `prefix` (within the shards loaded for it), the word itself first. */
    startingWith(prefix) {
      return this.shardsOf(prefix).flatMap(n => this.loaded.get(n) || []).filter(term => term.startsWith(prefix))
    }

    starts(prefix) {
      return this.startingWith(prefix).length > 0
    }
  }

  /*
   * What the reader typed, with no mark that can make it fail: quotes are dropped, so
   * "재판관 후보자"를 reads as 재판관 후보자를 (an apostrophe between Latin letters stays:
   * alliance's), and any other mark but those inside words (U.S., 1.5%) is a space.
   */
  function wordsOf(query) {
    return query.toLowerCase()
      .replace(/["\u201c\u201d\u201e\u00ab\u00bb\u300c-\u300f\u3008-\u300b]|(?<![a-z])['\u2018\u2019]|['\u2018\u2019](?![a-z])/g, "")
      .replace(/[^\p{L}\p{N}\p{M}'\u2019.%\s-]+/gu, " ")
  }

  /* Every part of a word, for splitting a compound written without its spaces. */
  function parts(word) {
    const found = []
    for (let start = 0; start < word.length; start++)
      for (let end = start + 1; end <= word.length; end++)
        found.push(word.slice(start, end))
    return found
  }

  /*
   * What the index knows, from the shards fetched so far: `shelf` answers for terms and
   * Kiwi's analysis, `glossary` lists entries as [the site language's terms, the other
   * languages' terms], each term a list of words.
   */
  class Vocabulary {
    constructor(shelf, glossary) {
      this.shelf = shelf
      this.glossary = glossary || []
      this.words = new Set(this.glossary.flat(3))
    }

    has(word) {
      return this.shelf.has(word) || this.words.has(word)
    }

    /*
     * The longest stem of `word` that is a term of the index: two syllables at least,
     * or one before the 다 of a dictionary form (늘다 → 늘), not 인도 → 인.
     */
    stem(word) {
      return stems(word).slice(1)
        .filter(form => (form.length > 1 || word === `${form}다`) && this.has(form))
        .sort((a, b) => b.length - a.length)[0] || null
    }

    /* A word written without its spaces, as terms of the index (남북대화 → 남북, 대화), or null. */
    split(word) {
      const best = [[]]
      for (let end = 1; end <= word.length; end++) {
        best[end] = null
        for (let start = 0; start < end; start++) {
          const part = word.slice(start, end), last = end === word.length
          const usable = (this.has(part) && (part.length > 1 || last)) || (last && this.shelf.starts(part))
          if (best[start] && usable && (!best[end] || best[start].length + 1 < best[end].length))
            best[end] = [...best[start], part]
        }
      }
      const found = best[word.length]
      return found && found.length > 1 ? found : null
    }

    /* Groups of alternative terms for one word of the query ([{word, alternatives, key}]), or null when its parts are still to fetch. */
    reduce(word, split) {
      const group = (alternatives, key) => [{ word, alternatives, key }]
      if (!HANGUL.test(word) || this.has(word))
        return group([word], word)
      const known = this.shelf.analysis(word)
      if (known)  /* Kiwi's analysis of a word of the site: the whole noun or the stem first */
        return group([word, known[0]], known[0])
      const stem = this.stem(word), typing = this.shelf.starts(word)
      if (stem)
        return group(typing ? [word, stem] : [stem], stem)
      if (!typing) {
        if (!split)
          return null
        for (const form of stems(word)) {
          const found = this.split(form)
          if (found)
            return found.map(part => ({ word: part, alternatives: [part], key: part }))
        }
      }
      return group([word], word)
    }

    /*
     * The query as groups of alternative terms: one per word the reader typed (quotes and
     * other marks are only separators), and one per glossary term found, with the site
     * language's terms for it, covering the groups of the words it stands for.
     */
    async analyze(query, separator) {
      const words = wordsOf(query).split(separator)
        .map(word => word.replace(/^[.']+|[.']+$/g, "")).filter(Boolean)
      await this.shelf.need(words.flatMap(word => stems(word)))
      const groups = []
      for (const word of words) {
        let found = this.reduce(word, false)
        if (!found) {
          await this.shelf.need([...new Set(stems(word).flatMap(parts))])
          found = this.reduce(word, true)
        }
        groups.push(...found)
      }
      return [...groups, ...this.counterparts(groups)]
    }

    counterparts(groups) {
      const keys = groups.map(group => group.key)
      const added = []
      for (const [local, foreign] of this.glossary)
        for (const variant of [...local, ...foreign])
          for (let at = 0; at + variant.length <= keys.length; at++)
            if (variant.every((word, i) => keys[at + i] === word)) {
              const others = [...new Set(local.filter(term => term !== variant).flat())]
              if (others.length)
                added.push({ word: variant.join(" "), alternatives: others, key: null, covers: groups.slice(at, at + variant.length) })
            }
      return added
    }
  }

  /* The query's terms, as the tests read them: every alternative once. */
  function queryString(groups) {
    const seen = new Set()
    return groups.map(group => group.alternatives.filter(term => !seen.has(term) && seen.add(term)).join(" ")).filter(Boolean).join(" ")
  }

  /*
   * Each group's score per page: the best of its alternatives (BM25 of the term, length
   * normalised) and of the words starting with them (for less), with the alternative that matched.
   */
  async function score(shelf, groups) {
    await shelf.need(groups.flatMap(group => group.alternatives))
    const table = await shelf.table()
    const count = table.lengths.length, average = table.lengths.reduce((a, b) => a + b, 0) / Math.max(count, 1)
    return groups.map(group => {
      const best = new Map()  /* page -> [score, alternative] */
      for (const alternative of group.alternatives)
        for (const term of shelf.startingWith(alternative)) {
          const postings = shelf.entries.get(term)[0], df = postings.length / 3
          const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5)) * (term === alternative ? 1 : PREFIX)
          for (let i = 0; i < postings.length; i += 3) {
            const page = postings[i], tf = TITLE * postings[i + 1] + postings[i + 2]
            const value = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * table.lengths[page] / average))
            if (!best.has(page) || best.get(page)[0] < value)
              best.set(page, [value, alternative])
          }
        }
      return best
    })
  }

  /*
   * Pages in rank order: those matching more of the reader's words first (a glossary
   * term counts for the words it stands for), then by score, then newest first (pages
   * are numbered so). Each with the terms found and the typed words missing.
   */
  function rank(groups, scores, listing) {
    const typed = groups.filter(group => !group.covers)
    const pages = new Set(scores.flatMap(best => [...best.keys()]))
    const down = new Set(listing)
    const ranked = [...pages].map(page => {
      const terms = {}
      let words = 0, total = 0
      groups.forEach((group, i) => { if (scores[i].has(page)) total += scores[i].get(page)[0] })
      for (const group of typed) {
        const via = [group, ...groups.filter(other => other.covers && other.covers.includes(group))]
        const found = via.filter(each => scores[groups.indexOf(each)].has(page))
        found.forEach(each => { terms[scores[groups.indexOf(each)].get(page)[1]] = true })
        if (found.length) words++
        else terms[group.word] = false
      }
      return { page, words, score: total * (down.has(page) ? LISTING : 1), terms }
    })
    ranked.sort((a, b) => b.words - a.words || b.score - a.score || a.page - b.page)
    return ranked
  }

  const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
  const escape = text => text.replace(/[&<>"']/g, ch => ESCAPES[ch])

  /* Whether a word of the text stands for one of the terms found (정상회담 for 회담, 밝혔다 for 밝히). */
  function matches(word, terms) {
    const lower = word.toLowerCase()
    return terms.some(term => lower.startsWith(term) ||
      (HANGUL.test(term) && (term.length > 1 && lower.includes(term) || (lower[0] === term[0] && stems(lower).includes(term)))))
  }

  /* The text escaped, each word that matches marked once: {html, marks, first (offset of the first mark)}. */
  function highlight(text, terms, separator) {
    const splitter = new RegExp(`(${separator.source})`)
    let html = "", marks = 0, first = -1, at = 0
    text.split(splitter).forEach((piece, i) => {
      if (i % 2 === 0 && piece && terms.length && matches(piece, terms)) {
        html += `<mark>${escape(piece)}</mark>`
        marks++
        if (first < 0) first = at
      } else
        html += escape(piece)
      at += piece.length
    })
    return { html, marks, first }
  }

  /* A result as Material shows it: the original title and an excerpt around the words found. */
  function result(fragment, entry, separator) {
    const terms = Object.keys(entry.terms).filter(term => entry.terms[term])
    const sections = fragment.sections.map(([, , text]) => ({ text, found: highlight(text, terms, separator) }))
    const best = sections.reduce((a, b) => (b.found.marks > a.found.marks ? b : a), sections[0] || { text: "", found: { first: -1 } })
    let start = Math.max(0, best.found.first - EXCERPT / 4)
    if (start > 0)
      start = best.text.lastIndexOf(" ", start) + 1
    const cut = best.text.slice(start, start + EXCERPT)
    const excerpt = (start > 0 ? "…" : "") + highlight(cut, terms, separator).html + (start + EXCERPT < best.text.length ? "…" : "")
    return {
      location: fragment.location,
      title: highlight(fragment.title || fragment.location, terms, separator).html,
      text: excerpt ? `<p>${excerpt}</p>` : "",
      score: entry.words * 1000 + entry.score,
      terms: entry.terms
    }
  }

  /* One language's search: a query in, Material's result out ({items: [[page]]}), fetching only what it needs. */
  function search(config, base, fetcher) {
    const info = config.briefing
    const shelf = new Shelf(base, info, fetcher)
    const vocabulary = new Vocabulary(shelf, info.glossary)
    const separator = new RegExp(config.separator)
    return {
      shelf,
      vocabulary,
      async query(text) {
        if (text.trim())  /* the page table: needed by every query, fetched beside its first shards, not after them */
          shelf.table().catch(() => null)
        const groups = await vocabulary.analyze(text, separator)
        if (!groups.length)
          return { items: [] }
        const [scores, table] = await Promise.all([score(shelf, groups), shelf.table()])
        const ranked = rank(groups, scores, table.listing)
        const shown = ranked.slice(0, SHOWN)
        const fragments = await Promise.all(shown.map(entry => shelf.page(entry.page)))
        return { items: shown.map((entry, i) => [result(fragments[i], entry, separator)]), total: ranked.length }
      }
    }
  }

  return { search, stems, queryString, highlight, Shelf, Vocabulary }
})()
