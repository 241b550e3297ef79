/** Segment → Create (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedCreate } from '../common/named-resource';
import { segmentSpec } from './spec';

export const { description, execute } = namedCreate(segmentSpec);
