/** The Conversion resource: recorded leads and sales, and recording them. */

import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../common/operation-picker';
import * as getMany from './getMany.operation';
import * as trackLead from './trackLead.operation';
import * as trackSale from './trackSale.operation';

export { getMany, trackLead, trackSale };

export const description: INodeProperties[] = [
	operationPicker(
		'conversion',
		[
			{ name: 'Get Many', value: 'getMany', description: 'Get recorded leads and sales, newest first', action: 'Get many conversions' },
			{ name: 'Track Lead', value: 'trackLead', description: 'Record a lead (needs the publishable key)', action: 'Track a lead' },
			{ name: 'Track Sale', value: 'trackSale', description: 'Record a sale (needs the publishable key)', action: 'Track a sale' },
		],
		'getMany',
	),
	...getMany.description,
	...trackLead.description,
	...trackSale.description,
];
