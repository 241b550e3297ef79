/**
 * Create Link, exactly once per Zap run (create-once.ts). With a short code of the person's own the code itself is
 * the create's identity: the core never overwrites a link, and a repeat that finds the link it made returns it.
 */
import { derivedShortCode, isBlank } from '../../../core';
import { createOncePerRun } from '../create-once';
import { destinationField, linkDetailFields, shortCodeField } from '../fields/links';
import { linkCreateInput } from '../link-input';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputOf } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [destinationField('create'), shortCodeField('create'), ...linkDetailFields('create')];

export const createLink = {
	key: 'create_link',
	noun: 'Link',
	display: {
		label: 'Create Link',
		description: 'Creates a short link, once per Zap run, also when Zapier runs the step again.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle, z) => {
			const input = await linkCreateInput(client, bundle.inputData);
			if (!isBlank(bundle.inputData.short_code)) {
				return await linkOutputOf(client, (await client.links.createWithCode(bundle.inputData.short_code, input)).link);
			}
			const { link } = await createOncePerRun(z, bundle, 'create_link', async (run) => {
				// A rerun looks under its code first: the link an earlier attempt made is returned as it is now.
				const earlier = run.resumed ? await client.links.getOrNothing(derivedShortCode(run.identity)) : undefined;
				return earlier ? { link: earlier, created: false } : await client.links.createOnce(run.identity, input);
			});
			return await linkOutputOf(client, link);
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
