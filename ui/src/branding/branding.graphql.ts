import { graphql } from '../generated';

export const BRANDING_QUERY = graphql(`
  query Branding {
    branding { theme primaryColor radius density }
  }
`);
