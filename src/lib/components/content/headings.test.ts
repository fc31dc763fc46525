import { describe, expect, it } from 'vitest';
import { shiftHeadings } from './headings';

describe('shiftHeadings', () => {
	const html = '<h2>Om</h2>\n<p>Tekst med h2 i seg</p>\n<h3>Mer</h3>\n<h6>Dypt</h6>\n';

	it('leaves the headings where they are under a level-1 heading', () => {
		expect(shiftHeadings(html, 0)).toBe(html);
	});

	it('moves every heading down, opening and closing tags alike, never past h6', () => {
		expect(shiftHeadings(html, 1)).toBe(
			'<h3>Om</h3>\n<p>Tekst med h2 i seg</p>\n<h4>Mer</h4>\n<h6>Dypt</h6>\n'
		);
	});
});
