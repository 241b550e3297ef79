import { linkWriteFields } from '../fields/links';
import { createOncePerRun, rerunNote } from '../idempotency';
import { linkInput } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = linkWriteFields('create');

export const createLink = {
	key: 'create_link',
	noun: 'Link',
	display: {
		label: 'Create Link',
		description: `Creates a short link, optionally in a campaign, with UTM values, an expiry and segment routes. ${rerunNote('link')}`,
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle, z) =>
			createOncePerRun(z, bundle, 'create_link', (idempotencyKey) => client.links.create(linkInput(bundle.inputData), { idempotencyKey })),
		),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
