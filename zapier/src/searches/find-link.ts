import { inputError, type LinkLookup } from '../../../core';
import { optionalText } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';
import { foundOrNone } from './not-found';

const inputFields = [
	{ key: 'shortUrl', label: 'Short URL', required: false, helpText: 'The full short URL, e.g. https://lnkk.it/spring-sale. Fill in this, or Domain and Slug, or Destination URL.' },
	{ key: 'domain', label: 'Domain', required: false, helpText: 'The short domain, e.g. lnkk.it; use together with Slug.' },
	{ key: 'slug', label: 'Slug', required: false, helpText: 'The part after the domain, e.g. spring-sale; use together with Domain.' },
	{ key: 'destination', label: 'Destination URL', required: false, helpText: 'Find the newest link that sends visitors to this exact address.' },
];

/** The first way of finding a link that the user filled in, in the order the fields are shown. */
export function lookupFrom(data: Record<string, unknown>): LinkLookup {
	const shortUrl = optionalText(data.shortUrl);
	const domain = optionalText(data.domain);
	const slug = optionalText(data.slug);
	const destination = optionalText(data.destination);
	if (shortUrl) return { shortUrl };
	if (domain && slug) return { domain, slug };
	if (domain || slug) throw inputError(domain ? 'slug' : 'domain', 'is needed too: a link is found by Domain and Slug together');
	if (destination) return { destination };
	throw inputError('shortUrl', 'fill in the Short URL, or Domain and Slug, or the Destination URL to search by');
}

export const findLink = {
	key: 'find_link',
	noun: 'Link',
	display: {
		label: 'Find Link',
		description: 'Finds a short link by its short URL, by domain and slug, or by where it points.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) => foundOrNone(() => client.links.lookup(lookupFrom(bundle.inputData)))),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
