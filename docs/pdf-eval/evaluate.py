#!/usr/bin/env python3
"""Compare each extractor's TSV output (out/<kind>/<doc>.tsv) against pdftotext (gt/).
TSV: page, x, y, w, h, page_height, text (positions empty for text-only extractors).
Metrics per doc:
  cjk_recall / cjk_prec : multiset overlap of CJK ideographs vs pdftotext -bbox words
  compat               : count of Kangxi-radical / CJK-compatibility code points (wrong Unicode)
  amt_recall           : fraction of pdftotext amounts (e.g. 1,234.56) found in the extractor's reconstructed lines
  titles               : table titles (from corpus README) found in reconstructed text / found in pdftotext text
  pos_ok               : fraction of positioned rows whose left-centre point lies inside a pdftotext word box
                         (+-1.5pt) on the same page whose text contains the row's first character
  sim                  : mean per-page similarity (difflib ratio) of line-reconstructed text vs pdftotext's, whitespace removed
"""
import sys, os, re, glob, html, json, difflib, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff]')
COMPAT = re.compile(r'[\u2e80-\u2fdf\uf900-\ufaff]')
AMT = re.compile(r'(?<![\d,.])\d{1,3}(?:,\d{3})+\.\d{2}(?!\d)|(?<![\d,.])\d+\.\d{2}(?!\d)')
WS = re.compile(r'\s+')

def parse_gt(doc):
    pages = []
    with open(f'{ROOT}/gt/{doc}.bbox.html', encoding='utf-8') as f:
        for line in f:
            m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
            if m: pages.append({'h': float(m.group(2)), 'words': []}); continue
            m = re.search(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>', line)
            if m:
                pages[-1]['words'].append((float(m.group(1)), float(m.group(2)), float(m.group(3)), float(m.group(4)), html.unescape(m.group(5))))
    return pages

def lines_from_boxes(items, tol=3.0):
    """items: (x, ycenter, text) -> list of line strings (grouped by y, sorted by x)."""
    items = sorted(items, key=lambda t: (t[1], t[0]))
    lines, cur, cy = [], [], None
    for it in items:
        if cy is None or abs(it[1] - cy) <= tol:
            cur.append(it); cy = it[1] if cy is None else cy
        else:
            lines.append(cur); cur, cy = [it], it[1]
    if cur: lines.append(cur)
    return [''.join(t[2] for t in sorted(l, key=lambda t: t[0])) for l in lines]

def titles_for(doc):
    readme = open('/work/shared/corpus/README.md', encoding='utf-8').read()
    for line in readme.splitlines():
        if line.startswith('| `' + doc):
            cells = line.split('|')
            t = cells[6]
            t = re.sub(r'^\s*\d+:\s*', '', t); t = re.sub(r'\(\+.*?\)', '', t)
            return [x.strip() for x in t.split(';') if x.strip()]
    return []

def to_topdown(kind, conv, x, y, w, h, ph):
    """return (x0, ytop, x1, ybot) in pdftotext's top-left coordinates"""
    if conv == 'baseline_bl':      # y = baseline, bottom-left origin, h = font size
        return (x, ph - y - 0.85 * h, x + w, ph - y + 0.15 * h)
    if conv == 'baseline_tl':      # y = baseline, top-left origin
        return (x, y - 0.85 * h, x + w, y + 0.15 * h)
    if conv == 'rect_bl':          # y = bottom of box, bottom-left origin
        return (x, ph - (y + h), x + w, ph - y)
    if conv == 'rect_tl':          # y = top of box, top-left origin
        return (x, y, x + w, y + h)
    raise ValueError(conv)

def evaluate(kind, doc, conv_candidates):
    path = f'{ROOT}/out/{kind}/{doc}.tsv'
    if not os.path.exists(path): return None
    rows = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if len(p) < 7: continue
            rows.append(p[:6] + ['\t'.join(p[6:])])
    gt = parse_gt(doc)
    gt_text_pages = [lines_from_boxes([((w[0]), (w[1] + w[3]) / 2, w[4]) for w in pg['words']]) for pg in gt]
    gt_all = ''.join(''.join(l) for l in gt_text_pages)
    positioned = rows and rows[0][1] != ''
    res = {'rows': len(rows), 'positioned': bool(positioned)}
    # reconstruct lines
    best = None
    for conv in (conv_candidates if positioned else [None]):
        by_page = collections.defaultdict(list)
        boxes = []
        for r in rows:
            pg = int(r[0]); txt = r[6]
            if positioned:
                x, y, w, h, ph = map(float, r[1:6])
                b = to_topdown(kind, conv, x, y, w, h, ph)
                by_page[pg].append((b[0], (b[1] + b[3]) / 2, txt)); boxes.append((pg, b, txt))
            else:
                by_page[pg].append((0, len(by_page[pg]), txt))
        pages_lines = {pg: (lines_from_boxes(v) if positioned else [t[2] for t in v]) for pg, v in by_page.items()}
        # position plausibility
        ok = tot = 0
        if positioned:
            for pg, b, txt in boxes:
                t = txt.strip()
                if not t or pg - 1 >= len(gt): continue
                c = t[0]
                if not (CJK.match(c) or c.isdigit()): continue
                tot += 1
                px = b[0] + min(2.0, max(0.0, (b[2] - b[0]) / 2)); py = (b[1] + b[3]) / 2
                for (x0, y0, x1, y1, wt) in gt[pg - 1]['words']:
                    if x0 - 1.5 <= px <= x1 + 1.5 and y0 - 1.5 <= py <= y1 + 1.5 and c in wt:
                        ok += 1; break
        pos_ok = ok / tot if tot else None
        if best is None or (pos_ok or 0) > (best[1] or 0):
            best = (conv, pos_ok, pages_lines)
    conv, pos_ok, pages_lines = best
    res['conv'] = conv; res['pos_ok'] = pos_ok
    ext_all = ''.join(''.join(l) for pg in sorted(pages_lines) for l in pages_lines[pg])
    gtc = collections.Counter(CJK.findall(gt_all)); exc = collections.Counter(CJK.findall(ext_all))
    inter = sum((gtc & exc).values())
    res['cjk_gt'] = sum(gtc.values())
    res['cjk_recall'] = inter / max(1, sum(gtc.values()))
    res['cjk_prec'] = inter / max(1, sum(exc.values()))
    res['compat'] = len(COMPAT.findall(ext_all)); res['compat_gt'] = len(COMPAT.findall(gt_all))
    # amounts: search the pdftotext amounts in the extractor's reconstructed text (per line, whitespace removed)
    amt_tot = amt_ok = 0
    for i, pg in enumerate(gt):
        c = collections.Counter(a for w in pg['words'] for a in AMT.findall(w[4]))
        et = WS.sub('', ''.join(pages_lines.get(i + 1, [])))
        for a, n in c.items():
            amt_tot += n; amt_ok += min(n, et.count(a))
    res['amt_gt'] = amt_tot; res['amt_recall'] = amt_ok / max(1, amt_tot)
    # titles
    gt_ns = WS.sub('', gt_all); ex_ns = WS.sub('', ext_all)
    titles = [t for t in titles_for(doc) if WS.sub('', t) in gt_ns]
    res['titles_gt'] = len(titles); res['titles'] = sum(1 for t in titles if WS.sub('', t) in ex_ns)
    res['known'] = {s: (s in ex_ns) for s in ['一般公共预算', '合计', '部门收支总表'] if s in gt_ns}
    # per-page similarity
    sims = []
    for i, gl in enumerate(gt_text_pages):
        a = WS.sub('', ''.join(gl)); b = WS.sub('', ''.join(pages_lines.get(i + 1, [])))
        if not a and not b: continue
        sims.append(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if len(a) + len(b) < 12000 else difflib.SequenceMatcher(None, a, b).ratio())
    res['sim'] = sum(sims) / len(sims) if sims else None
    res['pages_with_text'] = len(pages_lines)
    return res

CONVS = {'oxide_chars': ['rect_bl', 'rect_tl'], 'oxide_spans': ['rect_bl', 'rect_tl'], 'pdfextract': ['baseline_bl'],
         'pdfrs': ['baseline_bl'], 'lopdf_text': [None], 'pdfboss': ['baseline_bl', 'baseline_tl']}

if __name__ == '__main__':
    kinds = sys.argv[1:] or sorted(os.listdir(f'{ROOT}/out'))
    docs = sorted(os.path.basename(p)[:-10] for p in glob.glob(f'{ROOT}/gt/*.bbox.html'))
    allres = {}
    for k in kinds:
        for d in docs:
            r = evaluate(k, d, CONVS.get(k, ['baseline_bl', 'rect_bl', 'rect_tl']))
            allres[f'{k}|{d}'] = r
            if r is None: print(f'{k:12s} {d[:22]:22s} NO OUTPUT'); continue
            f = lambda v: '  -  ' if v is None else f'{v:5.3f}'
            print(f"{k:12s} {d[:22]:22s} cjk_rec={f(r['cjk_recall'])} cjk_prec={f(r['cjk_prec'])} compat={r['compat']}/{r['compat_gt']} "
                  f"amt={f(r['amt_recall'])}({r['amt_gt']}) titles={r['titles']}/{r['titles_gt']} pos_ok={f(r['pos_ok'])}[{r['conv']}] sim={f(r['sim'])} known={''.join('Y' if v else 'n' for v in r['known'].values())}")
    json.dump(allres, open(f'{ROOT}/eval/results_{"_".join(kinds)}.json', 'w'), ensure_ascii=False, indent=1)
