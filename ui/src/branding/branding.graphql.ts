import { gql } from '../composables/useGraphQL';
import type { Branding } from './apply-branding';

export const BRANDING_QUERY = gql<{ branding: Branding }>(`
  query Branding {
    branding { theme primaryColor radius density }
  }
`);
