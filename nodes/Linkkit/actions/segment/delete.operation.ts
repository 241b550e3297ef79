/** Segment → Delete (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedDelete } from '../common/named-resource';
import { segmentSpec } from './spec';

export const { description, execute } = namedDelete(segmentSpec);
