import { describe, expect, it } from 'vitest';
import { csvField, defuse, toCsv } from './csv';

describe('defuse', () => {
	it.each(['=SUM(A1)', '+47 999', '-1', '@cmd', '\tx', '\rx'])(
		'prefixes %j with an apostrophe',
		(t) => {
			expect(defuse(t)).toBe(`'${t}`);
		}
	);

	it('leaves ordinary text alone', () => {
		expect(defuse('Sentralt, ikke lokalt')).toBe('Sentralt, ikke lokalt');
		expect(defuse('a=b')).toBe('a=b');
	});
});

describe('csvField', () => {
	it('quotes fields with the delimiter, quotes, commas and line breaks', () => {
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('si "hei"')).toBe('"si ""hei"""');
		expect(csvField('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
		expect(csvField('1,5')).toBe('"1,5"');
	});

	it('defuses before quoting, so the apostrophe sits inside the quotes', () => {
		expect(csvField('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
	});

	it('writes numbers as they are and nothing as empty', () => {
		expect(csvField(-3)).toBe('-3');
		expect(csvField(2.5)).toBe('2.5');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField(Number.NaN)).toBe('');
	});
});

describe('toCsv', () => {
	it('starts with a byte-order mark and ends every record with CRLF', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['æøå', 1],
				[null, '-x']
			]
		);
		expect(csv).toBe("\uFEFFa;b\r\næøå;1\r\n;'-x\r\n");
	});
});
