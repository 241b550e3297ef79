import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

/** Whether a parameter's saved value holds an n8n expression anywhere (a string starting with "="). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * A reader of one parameter for any item. n8n resolves a parameter afresh for every item, which costs about as much as
 * evaluating an expression (n8n 2.41 sets up its expression context each time) even when the saved value holds none
 * and so cannot differ between items. Over tens of thousands of rows (Create Many) that doubled the node's time, so a
 * value without expressions is read once and handed to every item.
 */
export function parameterReader<T extends NodeParameterValueType | object>(
	ctx: IExecuteFunctions,
	name: string,
	fallback: T,
): (itemIndex: number) => T {
	const saved = ctx.getNode().parameters[name];
	if (holdsExpression(saved)) return (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
	let value: T | undefined;
	return () => (value ??= ctx.getNodeParameter(name, 0, fallback) as T);
}
