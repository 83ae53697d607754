/**
 * The typeface the office files ask for. A Japanese text in a Latin font is drawn by whatever
 * fallback the viewer picks (often a Chinese glyph variant), so Japanese reports name a Japanese
 * font that Windows and macOS ship (Yu Gothic; Meiryo on older Windows); LibreOffice substitutes
 * an installed CJK font (Noto Sans CJK) for either.
 */
export function officeFont(lang: string): string {
  return isJapanese(lang) ? 'Yu Gothic' : 'Calibri';
}

export function isJapanese(lang: string): boolean {
  return lang.toLowerCase().split(/[-_]/)[0] === 'ja';
}

/** The language tag PowerPoint's spell checker and font linking expect on each text run. */
export function officeLanguageTag(lang: string): string {
  return isJapanese(lang) ? 'ja-JP' : 'en-US';
}
