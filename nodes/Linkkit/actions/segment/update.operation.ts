/** Segment → Update (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedUpdate } from '../common/named-resource';
import { segmentSpec } from './spec';

export const { description, execute } = namedUpdate(segmentSpec);
