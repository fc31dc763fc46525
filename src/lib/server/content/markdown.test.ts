import { describe, expect, it } from 'vitest';
import { shiftHeadings } from '$lib/components/content/headings';
import { renderMarkdown, safeHref, shiftHeading } from './markdown';

describe('renderMarkdown', () => {
	it('renders paragraphs, lists and emphasis', () => {
		const html = renderMarkdown('Hei **du**.\n\n- en\n- to');
		expect(html).toContain('<p>Hei <strong>du</strong>.</p>');
		expect(html).toContain('<li>en</li>');
	});

	it('shows raw HTML as text instead of rendering it', () => {
		const html = renderMarkdown('<script>alert(1)</script>\n\nTekst <b onclick="x()">fet</b>');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<b ');
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
	});

	it('keeps safe links, marks external ones noopener and drops javascript: links', () => {
		expect(renderMarkdown('[KS](https://www.ks.no/)')).toContain(
			'<a href="https://www.ks.no/" rel="noopener">KS</a>'
		);
		expect(renderMarkdown('[opp](#forord)')).toContain('<a href="#forord">opp</a>');
		const evil = renderMarkdown('[klikk](javascript:alert(1))');
		expect(evil).not.toContain('<a');
		expect(evil).toContain('klikk');
	});

	it('turns images into their alt text', () => {
		const html = renderMarkdown('![Et kart](https://example.com/kart.png)');
		expect(html).not.toContain('<img');
		expect(html).toContain('Et kart');
	});

	it('shifts headings below the heading the text sits under', () => {
		expect(renderMarkdown('## Lønnsglidning', 2)).toContain('<h3>Lønnsglidning</h3>');
		expect(renderMarkdown('### 1. Velferd', 2)).toContain('<h4>1. Velferd</h4>');
		expect(renderMarkdown('## Lønnsglidning', 1)).toContain('<h2>Lønnsglidning</h2>');
	});

	it('renders at level 1 what phones shift to any level (pages send level 1 only)', () => {
		const source = '# En\n\n## To\n\ntekst\n\n### Tre\n\n#### Fire\n\n###### Seks';
		for (const level of [2, 3, 4, 5]) {
			expect(shiftHeadings(renderMarkdown(source, 1), level - 1)).toBe(
				renderMarkdown(source, level)
			);
		}
	});
});

describe('shiftHeading', () => {
	it('never goes above the next level nor past h6', () => {
		expect(shiftHeading(1, 2)).toBe(3);
		expect(shiftHeading(2, 2)).toBe(3);
		expect(shiftHeading(3, 2)).toBe(4);
		expect(shiftHeading(6, 3)).toBe(6);
	});
});

describe('safeHref', () => {
	it('refuses script and data schemes, even disguised', () => {
		expect(safeHref('javascript:alert(1)')).toBeNull();
		expect(safeHref(' java\tscript:alert(1)')).toBeNull();
		expect(safeHref('data:text/html,hi')).toBeNull();
		expect(safeHref('mailto:post@ks.no')).toBe('mailto:post@ks.no');
		expect(safeHref('/c/1/hefte')).toBe('/c/1/hefte');
	});
});
