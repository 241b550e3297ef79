/** Fields of segments, campaign settings, tags and QR codes, keyed by Linkkit's names. */
export const nameField = (noun: string, example: string) => ({
	key: 'name',
	label: 'Name',
	required: true,
	helpText: `The ${noun}'s name, e.g. ${example}.`,
});

export const colorField = (noun: string) => ({
	key: 'color',
	label: 'Color',
	required: false,
	helpText: `The ${noun}'s color as a hex code, e.g. #3B82F6.`,
});

const UTM_HELP: Record<string, [string, string]> = {
	utm_source: ['UTM Source', 'Where the traffic comes from, e.g. newsletter.'],
	utm_medium: ['UTM Medium', 'The marketing medium, e.g. email.'],
	utm_campaign: ['UTM Campaign', 'The campaign name your analytics tool reports, e.g. spring_sale.'],
	utm_term: ['UTM Term', 'Paid search keywords, if any.'],
	utm_content: ['UTM Content', 'Tells apart links to the same page, e.g. header_button.'],
	ref: ['Ref', 'A ref parameter, e.g. a partner name.'],
};

export const utmFields = Object.entries(UTM_HELP).map(([key, [label, helpText]]) => ({ key, label, required: false, helpText }));
