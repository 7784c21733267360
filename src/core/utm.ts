import { fail, ok, quote, type Parsed } from './result';

export interface UtmTags {
  source: string;
  medium: string;
  campaign: string;
  content?: string | null;
  term?: string | null;
}

const URL_SHAPE = /^(https?:\/\/[^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i;

/**
 * Adds UTM parameters to a link. Written without the `URL` global, which Apps Script does not have. Existing query
 * parameters and the fragment are kept in place; an existing utm_* parameter of the same name is replaced rather
 * than duplicated, so re-tagging a tagged link is safe.
 */
export function utmLink(url: string, tags: UtmTags): Parsed<string> {
  const match = URL_SHAPE.exec(url.trim());
  if (!match) {
    return fail(`url ${quote(url)} is not a web address; expected a link starting with https:// (or http://)`);
  }
  const [, origin, path = '', query = '', fragment = ''] = match;
  const added: Array<[string, string]> = [
    ['utm_source', tags.source],
    ['utm_medium', tags.medium],
    ['utm_campaign', tags.campaign],
  ];
  if (tags.content) added.push(['utm_content', tags.content]);
  if (tags.term) added.push(['utm_term', tags.term]);
  const replaced = new Set(added.map(([key]) => key));
  const kept = query
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !replaced.has(decodeKey(pair)));
  const pairs = kept.concat(added.map(([key, value]) => `${key}=${encodeURIComponent(value)}`));
  return ok(`${origin}${path || '/'}?${pairs.join('&')}${fragment}`);
}

function decodeKey(pair: string): string {
  const key = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(key.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return key.toLowerCase();
  }
}
