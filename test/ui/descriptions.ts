/**
 * What n8n's editor should show for the package, worked out from the nodes' own descriptions (the ones the packed
 * tarball carries), so that the browser test follows the nodes as they change instead of repeating their numbers.
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';
import { LinkkitInstantTrigger } from '../../nodes/LinkkitInstantTrigger/LinkkitInstantTrigger.node';
import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';

export const action: INodeTypeDescription = new Linkkit().description;
export const trigger: INodeTypeDescription = new LinkkitTrigger().description;
export const instant: INodeTypeDescription = new LinkkitInstantTrigger().description;

const optionsOf = (property: INodeProperties | undefined): INodePropertyOptions[] => (property?.options ?? []) as INodePropertyOptions[];

/**
 * The node panel's trigger events: n8n names each "On <event name in lower case>", in the options' order (the polling
 * trigger's Event field, or the instant trigger's Events).
 */
export function triggerEvents(description: INodeTypeDescription = trigger, field = 'event'): string[] {
	const event = description.properties.find((property) => property.name === field);
	return optionsOf(event).map((option) => `On ${option.name.toLowerCase()}`);
}

/** The node panel's actions, as n8n lists them: per resource a "<RESOURCE> ACTIONS" heading, then each operation's `action`. */
export function actionsByResource(): Array<{ heading: string; actions: string[] }> {
	const resource = action.properties.find((property) => property.name === 'resource');
	return optionsOf(resource).map((option) => {
		const operations = action.properties.filter(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(option.value as string),
		);
		return {
			heading: `${option.name.toUpperCase()} ACTIONS`,
			actions: operations.flatMap((operation) => optionsOf(operation).map((choice) => String(choice.action ?? choice.name))),
		};
	});
}

/** The display names of a picker's modes (e.g. the action node's `link` on Link → Get), in the order n8n shows them. */
export function pickerModes(description: INodeTypeDescription, field: string): string[] {
	const property = description.properties.find((candidate) => candidate.name === field && candidate.type === 'resourceLocator');
	if (!property?.modes) throw new Error(`${description.name} has no picker named ${field}`);
	// n8n shows the list mode by its own name, whatever the description calls it.
	return property.modes.map((mode) => (mode.name === 'list' ? 'From list' : mode.displayName));
}

/** The property `name` shown for `show` (e.g. `{ resource: ['analytics'], operation: ['getBreakdown'] }`). */
export function propertyOf(description: INodeTypeDescription, name: string, show: Record<string, string[]> = {}): INodeProperties {
	const found = description.properties.find(
		(property) =>
			property.name === name &&
			Object.entries(show).every(([key, values]) => {
				const shownFor = property.displayOptions?.show?.[key] as string[] | undefined;
				return shownFor === undefined || values.every((value) => shownFor.includes(value));
			}),
	);
	if (!found) throw new Error(`${description.name} has no property ${name} for ${JSON.stringify(show)}`);
	return found;
}

/** The option `value` of the drop-down `name` shown for `show`: its name and description, as the drop-down shows them. */
export function optionOf(description: INodeTypeDescription, name: string, value: string, show: Record<string, string[]> = {}): INodePropertyOptions {
	const found = optionsOf(propertyOf(description, name, show)).find((option) => option.value === value);
	if (!found) throw new Error(`${description.name} has no option ${value} in ${name}`);
	return found;
}

/** The description of the action node's operation `operation` of `resource`, as the Operation drop-down shows it. */
export function operationDescription(resource: string, operation: string): string {
	return String(optionOf(action, 'operation', operation, { resource: [resource] }).description);
}
