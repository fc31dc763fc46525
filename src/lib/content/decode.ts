import { parse as parseYaml, YAMLParseError } from 'yaml';

export type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Parses a .json or .yaml/.yml file. Duplicate YAML keys are an error, not a silent overwrite. */
export function decodeData(file: string, text: string): Decoded {
	return file.endsWith('.json') ? decodeJson(text) : decodeYaml(text, 0);
}

function decodeJson(text: string): Decoded {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		// V8 may quote the offending text, newlines and all; keep the report on one line.
		const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
		const position = /position (\d+)/.exec(message)?.[1];
		const where = position === undefined ? '' : ` (${lineAndColumn(text, Number(position))})`;
		return { ok: false, message: `invalid JSON: ${message}${where}` };
	}
}

function decodeYaml(text: string, lineOffset: number): Decoded {
	try {
		return { ok: true, value: parseYaml(text, { uniqueKeys: true, prettyErrors: true }) };
	} catch (error) {
		if (error instanceof YAMLParseError) {
			const line = error.linePos ? ` at line ${error.linePos[0].line + lineOffset}` : '';
			const first = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
			return { ok: false, message: `invalid YAML${line}: ${first}` };
		}
		return { ok: false, message: `invalid YAML: ${String(error)}` };
	}
}

function lineAndColumn(text: string, position: number) {
	const before = text.slice(0, position).split('\n');
	return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

export type FrontMatter =
	{ ok: true; data: unknown; body: string } | { ok: false; message: string };

/** Splits a Markdown file into its YAML front matter (between "---" lines) and its body. */
export function splitFrontMatter(text: string): FrontMatter {
	const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
	if (!match) {
		return { ok: false, message: 'must start with YAML front matter between two "---" lines' };
	}
	// Line numbers in YAML errors count from the opening "---", which is line 1 of the file.
	const decoded = decodeYaml(match[1] ?? '', 1);
	if (!decoded.ok) {
		return decoded;
	}
	if (typeof decoded.value !== 'object' || decoded.value === null || Array.isArray(decoded.value)) {
		return { ok: false, message: 'front matter must be a YAML mapping (key: value lines)' };
	}
	return { ok: true, data: decoded.value, body: (match[2] ?? '').trim() };
}
