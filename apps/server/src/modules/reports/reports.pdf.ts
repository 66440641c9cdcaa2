import { existsSync } from "node:fs";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { chromium } from "playwright-core";
import { boardPackHtml, formatChange, formatFigure, formatMoney, type PackContent } from "./reports.print";
import { dashboardTablesOf } from "./reports.tables";

export type PdfRendererName = "chromium" | "pdf-lib";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Print-to-PDF of the board pack page in headless Chromium (no network: the page is self-contained). */
export async function renderWithChromium(html: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, timeout: 60_000 });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Standard PDF fonts only cover WinAnsi: map the few symbols we print, drop anything else. */
function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  const substitutes: Record<string, string> = { "−": "-", Σ: "Sum of", "≥": ">=", "≤": "<=", "±": "+/-", " ": " " };
  return (text) =>
    [...text]
      .map((ch) => substitutes[ch] ?? ch)
      .join("")
      .split("")
      .map((ch) => (supported.has(ch.codePointAt(0) ?? 0) ? ch : "?"))
      .join("");
}

class Writer {
  private page: PDFPage;
  private y = 0;
  private readonly margin = 48;
  readonly clean: (text: string) => string;

  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.clean = encodable(font);
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - this.margin;
    return this.page;
  }

  private get width() {
    return this.page.getWidth() - 2 * this.margin;
  }

  text(text: string, options: { size?: number; bold?: boolean; gap?: number; indent?: number; grey?: boolean } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    const words = this.clean(text).split(/\s+/);
    let line = "";
    const lines: string[] = [];
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > this.width - indent && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      if (this.y - size < this.margin) this.newPage();
      this.y -= size * 1.25;
      this.page.drawText(l, {
        x: this.margin + indent,
        y: this.y,
        size,
        font,
        color: options.grey ? rgb(0.3, 0.33, 0.4) : rgb(0.06, 0.09, 0.16),
      });
    }
    this.y -= options.gap ?? 2;
  }

  row(cells: string[], widths: number[], options: { bold?: boolean; size?: number } = {}) {
    const size = options.size ?? 8.5;
    const font = options.bold ? this.bold : this.font;
    if (this.y - size * 1.6 < this.margin) this.newPage();
    this.y -= size * 1.5;
    let x = this.margin;
    cells.forEach((cell, i) => {
      const width = (widths[i] ?? 1) * this.width;
      let text = this.clean(cell);
      while (text.length > 1 && font.widthOfTextAtSize(text, size) > width - 4) text = `${text.slice(0, -2)}…`;
      this.page.drawText(text, { x, y: this.y, size, font, color: rgb(0.06, 0.09, 0.16) });
      x += width;
    });
  }

  space(points: number) {
    this.y -= points;
  }
}

/** The same content as the print page, laid out with pdf-lib when no browser is installed. */
export async function renderWithPdfLib(content: PackContent): Promise<Buffer> {
  const { dashboard: d } = content;
  const doc = await PDFDocument.create();
  doc.setTitle(`Board pack — ${content.workspaceName}`);
  doc.setCreator("Symbiont");
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  w.text("Partner ecosystem — board pack", { size: 18, bold: true, gap: 4 });
  w.text(
    `${content.workspaceName} · period ${d.period.from} to ${d.period.to} (compared with ${d.period.previousFrom} to ${d.period.previousTo}) · ${content.filtersLabel} · amounts in ${d.currency}`,
    { size: 9, grey: true, gap: 10 },
  );
  w.text("Headline figures", { size: 13, bold: true, gap: 4 });
  for (const f of d.headline) {
    w.text(`${f.label}: ${formatFigure(f, f.value, d.currency)} (${formatChange(f.change)})`, { bold: true, size: 10 });
    if (f.note) w.text(f.note, { size: 8.5, grey: true, indent: 10 });
  }
  const u = d.uplift;
  w.space(6);
  w.text("Partner uplift", { size: 13, bold: true, gap: 4 });
  w.text(
    u.difference === null || u.low === null || u.high === null
      ? "Not enough closed partner-involved and direct-only deals to compare."
      : `Win rate ${((u.partnerWinRate ?? 0) * 100).toFixed(1)} % partner-involved (${u.partnerDeals} deals) vs ${((u.directWinRate ?? 0) * 100).toFixed(1)} % direct-only (${u.directDeals}): ${(u.difference * 100).toFixed(1)} points, 95 % CI ${(u.low * 100).toFixed(1)} to ${(u.high * 100).toFixed(1)}.`,
  );
  w.space(6);
  w.text("Won revenue by month", { size: 13, bold: true, gap: 4 });
  for (const p of d.trend) {
    w.row(
      [
        p.month.slice(0, 7),
        `sourced ${formatMoney(p.sourcedMinor, d.currency)}`,
        `influenced ${formatMoney(p.influencedMinor, d.currency)}`,
        `direct ${formatMoney(p.directMinor, d.currency)}`,
      ],
      [0.16, 0.28, 0.28, 0.28],
    );
  }
  for (const t of dashboardTablesOf(d, content.evidence).filter((t) => t.name !== "headline" && t.name !== "trend")) {
    w.space(10);
    w.text(t.title, { size: 13, bold: true, gap: 4 });
    if (t.rows.length === 0) {
      w.text("Nothing in this period.", { size: 9, grey: true });
      continue;
    }
    const widths = t.columns.map((_, i) => (i === 0 ? 0.3 : 0.7 / (t.columns.length - 1)));
    w.row(t.columns, widths, { bold: true });
    for (const r of t.rows)
      w.row(
        r.map((v) => (v === null ? "—" : String(v))),
        widths,
      );
  }
  w.space(10);
  w.text("Methodology", { size: 13, bold: true, gap: 4 });
  for (const f of d.headline) w.text(`${f.label}: ${f.definition}. Model: ${f.model}.`, { size: 8.5 });
  w.text(`Uplift: ${u.method}.`, { size: 8.5 });
  return Buffer.from(await doc.save());
}

/**
 * Renders the board pack: Chromium print-to-PDF when a browser is installed (the same HTML and
 * SVG charts as the print page), else pdf-lib with the same content.
 */
export async function renderBoardPack(
  content: PackContent,
  prefer: PdfRendererName = "chromium",
): Promise<{ bytes: Buffer; renderer: PdfRendererName }> {
  if (prefer === "chromium" && existsSync(chromiumPath())) {
    return { bytes: await renderWithChromium(boardPackHtml(content)), renderer: "chromium" };
  }
  return { bytes: await renderWithPdfLib(content), renderer: "pdf-lib" };
}
