/*
 * Korean-aware queries: what a reader types, reduced to the terms the index holds.
 *
 * At build time Kiwi gave every Korean word of the site its terms (정상회담은 →
 * 정상회담, 정상, 회담; 강화했다 → 강화; 밝혔다 → 밝히). Kiwi cannot run here, so a
 * query word is reduced with what the index knows: a word the site uses gets Kiwi's
 * own first term; any other word loses particles and endings, by rule, until it is a
 * term of the index (북한을 → 북한, 강화하다 → 강화, 밝히다 → 밝히). A word that
 * starts an indexed word is also kept as typed, so prefixes work while typing. The
 * glossary adds the other language's term for any glossary term in the query.
 *
 * A plain script: the search worker imports it, and the tests load it into a page.
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

  /*
   * What the index knows: `indexed` is every term of the built index, `analysis` maps
   * a word of the text to its terms, `glossary` lists entries as [the site language's
   * terms, the other languages' terms], each term a list of words.
   */
  class Vocabulary {
    constructor(indexed, analysis, glossary) {
      this.analysis = analysis
      this.glossary = glossary
      this.sorted = [...indexed].sort()
      this.terms = new Set(indexed.filter(word => !analysis.has(word)))
      analysis.forEach(terms => terms.forEach(term => this.terms.add(term)))
      glossary.flat(3).forEach(word => this.terms.add(word))
    }

    /* Whether some indexed term starts with `prefix` (binary search in the sorted list). */
    starts(prefix) {
      let low = 0, high = this.sorted.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if (this.sorted[middle] < prefix) low = middle + 1
        else high = middle
      }
      return low < this.sorted.length && this.sorted[low].startsWith(prefix)
    }

    /*
     * The longest stem of `word` that is a term of the index: two syllables at least,
     * or one before the 다 of a dictionary form (늘다 → 늘), not 인도 → 인.
     */
    stem(word) {
      return stems(word).slice(1)
        .filter(form => (form.length > 1 || word === `${form}다`) && this.terms.has(form))
        .sort((a, b) => b.length - a.length)[0] || null
    }

    /* A word written without its spaces, as terms of the index (남북대화 → 남북, 대화), or null. */
    split(word) {
      const best = [[]]
      for (let end = 1; end <= word.length; end++) {
        best[end] = null
        for (let start = 0; start < end; start++) {
          const part = word.slice(start, end), last = end === word.length
          const usable = (this.terms.has(part) && (part.length > 1 || last)) || (last && this.starts(part))
          if (best[start] && usable && (!best[end] || best[start].length + 1 < best[end].length))
            best[end] = [...best[start], part]
        }
      }
      const parts = best[word.length]
      return parts && parts.length > 1 ? parts : null
    }

    /* Groups of alternative terms for one word of the query: [{word, alternatives, key}]. */
    reduce(word) {
      const group = (alternatives, key) => ({ word, alternatives, key })
      if (!HANGUL.test(word) || this.terms.has(word))
        return [group([word], word)]
      const known = this.analysis.get(word)
      if (known)  /* Kiwi's analysis of a word of the site: the whole noun or the stem first */
        return [group([word, known[0]], known[0])]
      const stem = this.stem(word), typing = this.starts(word)
      if (stem)
        return [group(typing ? [word, stem] : [stem], stem)]
      if (!typing)
        for (const form of stems(word)) {
          const parts = this.split(form)
          if (parts)
            return parts.map(part => ({ word: part, alternatives: [part], key: part }))
        }
      return [group([word], word)]
    }

    /*
     * The query as groups of alternative terms: one per word the reader typed (lunr
     * syntax such as +word or "a phrase" is left to Material), and one per glossary
     * term found, with the site language's terms for it, covering the groups of the
     * words it stands for.
     */
    analyze(query, separator) {
      const groups = []
      for (const token of query.toLowerCase().split(/\s+/).filter(Boolean)) {
        if (/^[+-]|["*~^:]/.test(token))
          groups.push({ word: token, alternatives: [], key: token, syntax: true })
        else
          for (const word of token.split(separator).filter(Boolean))
            groups.push(...this.reduce(word))
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

  /* The query string for Material: every alternative once; Material matches each as a prefix. */
  function queryString(groups) {
    const seen = new Set()
    return groups.map(group => group.syntax ? group.word : group.alternatives.filter(term => !seen.has(term) && seen.add(term)).join(" "))
      .filter(Boolean).join(" ")
  }

  /* The terms Material reports for a group: its alternatives, or the bare word of lunr syntax. */
  function termsOf(group) {
    return group.syntax ? [group.word.replace(/^[+-]|^\w+:|[*~^].*$/g, "").replace(/"/g, "")] : group.alternatives
  }

  /*
   * Material's result with pages that match more of the reader's words first (a glossary
   * term counts for the words it stands for), and each result's terms as the reader
   * sees them: the terms found, and the typed words that are missing.
   */
  function rank(result, groups) {
    const typed = groups.filter(group => !group.covers)
    const hits = (group, doc) => [group, ...groups.filter(other => other.covers && other.covers.includes(group))]
      .flatMap(each => termsOf(each).filter(term => doc.terms[term] === true))
    const retag = doc => {
      const terms = {}
      for (const group of typed) {
        const found = hits(group, doc)
        found.forEach(term => { terms[term] = true })
        if (!found.length && termsOf(group).some(term => doc.terms[term] === false))
          terms[group.word] = false
      }
      return { ...doc, terms }
    }
    const pages = result.items.map((docs, order) => ({
      docs: docs.map(retag),
      words: typed.filter(group => docs.some(doc => hits(group, doc).length)).length,
      order
    }))
    pages.sort((a, b) => b.words - a.words || a.order - b.order)
    return { ...result, items: pages.map(page => page.docs) }
  }

  /* The analysis shipped in the index's config: word → its terms (`start,end` for a part of the word). */
  function analysis(data) {
    const term = (word, code) => code.includes(",") ? word.slice(...code.split(",").map(Number)) : code
    return new Map(Object.entries(data.terms || {}).map(([word, codes]) => [word, codes.split(" ").map(code => term(word, code))]))
  }

  const vocabulary = (indexed, terms, glossary) => new Vocabulary(indexed, terms, glossary || [])

  return { analysis, vocabulary, stems, queryString, rank }
})()
