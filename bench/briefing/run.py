"""Exports the stress briefing three ways and reports time, size and peak memory.

Run by scripts/bench-briefing.sh, which builds the inputs (stress.casewright,
stress.json, photos/) and the tools. Each export runs RUNS times; the median wall time
is reported, with the peak resident memory of the largest process (GNU time's %M; for
Chromium, a multi-process browser, that is its largest process, not the sum).
"""

import html
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

work, casewright, typst_python, chromium, fonts = (Path(a) for a in sys.argv[1:6])
runs = int(sys.argv[6]) if len(sys.argv) > 6 else 5
data = json.loads((work / "stress.json").read_text())


def write_html():
    """The same content as one HTML page, printed by Chromium on A4."""
    face = "".join(
        f"@font-face{{font-family:'Noto Sans';src:url('file://{fonts}/NotoSans-{name}.ttf');"
        f"font-weight:{weight};font-style:{style}}}"
        for name, weight, style in [("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic")]
    )
    colours = {"Benefit": "#2f855a", "Story": "#b06a10", "Metric": "#0b5c85"}
    e = html.escape
    out = [
        "<!doctype html><html lang=en><meta charset=utf-8>",
        f"<title>{e(data['title'])}</title><style>{face}",
        "@page{size:A4;margin:64pt 64pt 76pt}body{font:10pt/1.45 'Noto Sans';color:#1f2933;margin:0}",
        ".cover{height:100vh;page-break-after:always;padding-top:120pt}.cover h1{font-size:28pt}",
        ".card{background:#f5f7fa;padding:12pt 12pt 12pt 15pt;margin:0 0 12pt;break-inside:avoid}",
        ".kind{font-size:7.5pt;font-weight:700}.title{font-size:12.5pt;font-weight:700}",
        ".small{font-size:8.5pt;font-style:italic;color:#52606d}.figure{font-size:22pt;font-weight:700}",
        "img{max-height:220pt;max-width:100%;display:block}.bars{display:grid;grid-template-columns:170pt 1fr;gap:4pt}",
        "h2{page-break-before:auto;border-bottom:.8pt solid #d9e2ec}.sources{page-break-before:always}</style>",
        f"<section class=cover><div class=kind>EXECUTIVE BRIEFING</div><h1>{e(data['title'])}</h1>",
        f"<p>Prepared for {e(data['audience'])}</p><p>{e(data['author'])}<br>27 November 2026</p></section>",
        "<h2>Executive summary</h2>",
    ]
    for section in data["sections"][:3]:
        first = section["blocks"][0]
        out.append(f"<p><b>{e(first['title'])}</b> {e(first['body'].split(chr(10) * 2)[0])}</p>")
    out.append("<div style='page-break-after:always'></div>")
    for index, section in enumerate(data["sections"], 1):
        out.append(f"<h2><small>{index}</small><br>{e(section['title'])}</h2>")
        for b in section["blocks"]:
            colour = colours[b["kind"]]
            out.append(f"<div class=card style='border-left:3pt solid {colour}'>")
            out.append(f"<div class=kind style='color:{colour}'>{e(b['kind'].upper())}</div>")
            out.append(f"<div class=title>{e(b['title'])}</div>")
            if b["who"]:
                out.append(f"<div class=small>{e(b['who'])}</div>")
            if b["photo"]:
                out.append(f"<img src='{e(b['photo']['file'])}' alt='{e(b['photo']['caption'])}'>")
                out.append(f"<div class=small>{e(b['photo']['caption'])}</div>")
            if b["figure"]:
                out.append(f"<div class=figure style='color:{colour}'>{e(b['figure'])}</div>")
            if b["baseline"] is not None and b["target"] is not None:
                top = max(b["baseline"], b["target"])
                out.append("<div class=bars>")
                for label, value, fill in [("Baseline", b["baseline"], "#52606d"), ("Target", b["target"], colour)]:
                    width = 100 * value / top
                    out.append(
                        f"<span>{label} {value:g}</span><svg width='100%' height='8' viewBox='0 0 100 8'"
                        f" preserveAspectRatio='none'><rect width='{width:.1f}' height='8' fill='{fill}'/></svg>"
                    )
                out.append("</div>")
            for para in b["body"].split("\n\n"):
                out.append(f"<p>{e(para)}</p>")
            if b["source"]:
                link = f" — <a href='{e(b['link'])}'>{e(b['link'])}</a>" if b["link"] else ""
                out.append(f"<div class=small>Source: {e(b['source'])}{link}</div>")
            out.append("</div>")
    out.append("<h2 class=sources>Sources</h2>")
    for section in data["sections"]:
        for b in section["blocks"]:
            if b["source"]:
                out.append(f"<p>{e(b['source'])}</p>")
    (work / "stress.html").write_text("\n".join(out))


def measure(name, command, output):
    """Median wall time (ms), peak memory (MB), PDF size (bytes) and pages over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        output.unlink(missing_ok=True)
        stats = work / "time.txt"
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(stats), *command],
                       cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
        peaks.append(int(stats.read_text().split()[-1]) / 1024)
    info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return {"tool": name, "ms": statistics.median(times), "peak_mb": max(peaks),
            "bytes": output.stat().st_size, "pages": pages}


write_html()
# Typst runs inside Python; its compile time alone is also noted, without interpreter start.
typst_script = (
    "import time, typst; t = time.perf_counter(); typst.compile('stress.typ', output='typst.pdf', "
    f"font_paths=[{str(fonts)!r}]); open('typst-ms.txt', 'a').write(f'{{(time.perf_counter() - t) * 1000}}\\n')"
)
results = [
    measure("Casewright", [str(casewright), "export", "stress.casewright", "--pdf", "casewright.pdf"],
            work / "casewright.pdf"),
    measure("Typst", [str(typst_python), "-c", typst_script], work / "typst.pdf"),
    measure("Chromium", [str(chromium), "--headless", "--no-sandbox", "--disable-gpu",
                         "--no-pdf-header-footer", "--allow-file-access-from-files",
                         f"--user-data-dir={work / 'chromium-profile'}",
                         f"--print-to-pdf={work / 'chromium.pdf'}", f"file://{work / 'stress.html'}"],
            work / "chromium.pdf"),
]
cw, ty, ch = results
print(f"{'tool':<11} {'median ms':>10} {'peak MB':>8} {'PDF KB':>8} {'pages':>6}")
for r in results:
    print(f"{r['tool']:<11} {r['ms']:>10.0f} {r['peak_mb']:>8.0f} {r['bytes'] / 1024:>8.0f} {r['pages']:>6}")
checks = [
    ("export time at most half of Typst's", cw["ms"] <= ty["ms"] / 2, f"{cw['ms'] / ty['ms']:.2f}× Typst"),
    ("export time at most a tenth of Chromium's", cw["ms"] <= ch["ms"] / 10, f"{cw['ms'] / ch['ms']:.3f}× Chromium"),
    ("PDF no larger than Typst's", cw["bytes"] <= ty["bytes"], f"{cw['bytes'] / ty['bytes']:.2f}× Typst"),
]
typst_inside = statistics.median(float(v) for v in (work / "typst-ms.txt").read_text().split())
print(f"(Typst's compile alone, inside Python: {typst_inside:.0f} ms median)")
for what, met, figure in checks:
    print(f"{'met ' if met else 'MISSED'}  {what}: {figure}")
(work / "results.json").write_text(json.dumps({"results": results, "typst_compile_ms": typst_inside}, indent=2))
