/**
 * Find Link Click Stats: a link's clicks in a period, in total and broken down by one click field. Linkkit returns
 * click events only; the core counts them (one request, or two with Linkkit's CSV export for busy links) and says so
 * (`computed`). A search because it looks something up and changes nothing; the key is kept from its first version.
 */
import { clickDimensions, datePresets, shortCodeFrom, type ClickDimension, type DatePreset } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { optionalText } from '../inputs';
import { clickStatsOutputFields } from '../output-fields/events';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const PRESET_LABELS: Record<DatePreset, string> = {
	today: 'Today',
	yesterday: 'Yesterday',
	last7Days: 'Last 7 Days',
	last30Days: 'Last 30 Days',
	last90Days: 'Last 90 Days',
	thisMonth: 'This Month',
	lastMonth: 'Last Month',
	custom: 'Custom (From and To)',
	all: 'All Time',
};
const DIMENSION_LABELS: Record<ClickDimension, string> = {
	country: 'Country',
	city: 'City',
	device: 'Device',
	browser: 'Browser',
	os: 'Operating System',
	referer: 'Referrer',
};

const inputFields = [
	linkPicker({ helpText: 'The link whose clicks to count: pick it, or map its short code or short URL.' }),
	{
		key: 'dateRange',
		label: 'Period',
		required: false,
		default: 'last30Days',
		choices: datePresets.map((value) => ({ value, label: PRESET_LABELS[value], sample: value })),
		helpText: 'Which clicks to count, in UTC. Custom uses From and To.',
	},
	{ key: 'from', label: 'From', type: 'datetime' as const, required: false, helpText: 'With a Custom period: the first moment counted.' },
	{ key: 'to', label: 'To', type: 'datetime' as const, required: false, helpText: 'With a Custom period: the last moment counted. Leave empty for now.' },
	{
		key: 'dimension',
		label: 'Breakdown By',
		required: false,
		default: 'country',
		choices: clickDimensions.map((value) => ({ value, label: DIMENSION_LABELS[value], sample: value })),
		helpText: 'The click detail to group the clicks by, most clicks first.',
	},
];

export const linkClickStats = {
	key: 'link_analytics',
	noun: 'Click Summary',
	display: { label: 'Find Link Click Stats', description: "Finds a short link's clicks in a period, in total and grouped by country, device or another detail." },
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const data = bundle.inputData;
			const code = shortCodeFrom('link', data.link);
			const dimension = (optionalText(data.dimension) ?? 'country') as ClickDimension;
			const range = { preset: (optionalText(data.dateRange) ?? 'last30Days') as DatePreset, from: optionalText(data.from), to: optionalText(data.to) };
			const link = await client.links.get(code);
			const { rows, total, period } = await client.analytics.breakdown(link.short_code, dimension, range);
			return [
				{
					id: `${link.id}:${period.from ?? ''}:${period.to ?? ''}:${dimension}`,
					link_id: link.id,
					short_url: link.short_url,
					short_code: link.short_code,
					title: link.title ?? null,
					from: period.from ?? null,
					to: period.to ?? null,
					total_clicks: total,
					breakdown_by: dimension,
					top_value: rows[0]?.value ?? null,
					top_clicks: rows[0]?.clicks ?? 0,
					breakdown: rows,
					computed: true,
				},
			];
		}),
		sample: {
			id: `${linkSample.id}:2026-03-04T00:00:00.000Z:2026-04-03T00:00:00.000Z:country`,
			link_id: linkSample.id,
			short_url: linkSample.short_url,
			short_code: linkSample.short_code,
			title: linkSample.title,
			from: '2026-03-04T00:00:00.000Z',
			to: '2026-04-03T00:00:00.000Z',
			total_clicks: 1284,
			breakdown_by: 'country',
			top_value: 'DE',
			top_clicks: 512,
			breakdown: [
				{ value: 'DE', clicks: 512, share: 0.3988 },
				{ value: 'US', clicks: 431, share: 0.3357 },
			],
			computed: true,
		},
		outputFields: clickStatsOutputFields,
	},
};
