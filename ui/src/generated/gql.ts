/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Branding {\n    branding { theme primaryColor radius density }\n  }\n": typeof types.BrandingDocument,
    "\n  subscription CaseEvents { caseEvents { caseId type stage at } }\n": typeof types.CaseEventsDocument,
    "\n  query Me {\n    me { id email role }\n  }\n": typeof types.MeDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { node { id at actor type caseId detail } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment CaseDetail on Case {\n    id stage channel inboundText intent confidence draft reply escalationLevel deadline\n    classification decision decidedBy createdAt updatedAt temporalUiUrl\n    blockedReason deliveryStatus deliveryError\n    attachments { url contentType }\n    replies { id body part status errorCode createdAt }\n    customer {\n      id displayName optedOut\n      identities { id channel address linkedBy }\n      history(last: 20) { id caseId channel direction body createdAt }\n      conversations { id channel disposition summary closedAt closedBy }\n    }\n    conversation { id }\n    findings { rule class severity start end }\n    draftReasoning draftModel draftSources { id title } draftConfidenceRaw\n    editDiff { op text }\n    timeline { id at actor type detail }\n  }\n": typeof types.CaseDetailFragmentDoc,
    "\n  query Case($id: ID!) {\n    case(id: $id) { ...CaseDetail }\n  }\n": typeof types.CaseDocument,
    "\n  mutation DecideCase($id: ID!, $input: DecisionInput!) {\n    decideCase(id: $id, input: $input) { ...CaseDetail }\n  }\n": typeof types.DecideCaseDocument,
    "\n  mutation CloseConversation($id: ID!, $disposition: Disposition!) {\n    closeConversation(id: $id, disposition: $disposition) { id disposition summary }\n  }\n": typeof types.CloseConversationDocument,
    "\n  query Dashboard($from: String!, $to: String!) {\n    dashboard(from: $from, to: $to) {\n      from to\n      volume { channel count }\n      volumeByDay { day channel count }\n      autoSent humanDecided blocked\n      timeToDecision { count p50Seconds p90Seconds }\n      escalations slaBreaches\n      guardrailHits { class rule count }\n      intents { intent reviewed approved edited rejected autoSent acceptanceRate editRate }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment RuleSetFields on RuleSet {\n    version createdBy createdAt\n    topics { id name phrases neutralReply }\n    customRules { id class severity description phrases regex }\n    builtInRules { id class severity description score enabled }\n    outboundModes { rule mode }\n    outboundRules { id description defaultMode mode }\n  }\n": typeof types.RuleSetFieldsFragmentDoc,
    "\n  query RuleSet($version: Int) { ruleSet(version: $version) { ...RuleSetFields } }\n": typeof types.RuleSetDocument,
    "\n  mutation SaveRuleSet($input: RuleSetInput!) { saveRuleSet(input: $input) { ...RuleSetFields } }\n": typeof types.SaveRuleSetDocument,
    "\n  query TestGuardrails($text: String!, $ruleSetVersion: Int) {\n    testGuardrails(text: $text, ruleSetVersion: $ruleSetVersion) {\n      classification redacted ruleSetVersion elapsedMs\n      findings { rule class severity start end }\n      segments { text rules }\n    }\n  }\n": typeof types.TestGuardrailsDocument,
    "\n  query Backtest($ruleSetVersion: Int!, $sinceDays: Int!) {\n    backtestGuardrails(ruleSetVersion: $ruleSetVersion, sinceDays: $sinceDays) {\n      ruleSetVersion sinceDays messagesScanned changedCount\n      changes { caseId redactedText before after rules }\n    }\n  }\n": typeof types.BacktestDocument,
    "\n  fragment ArticleFields on Article { id slug title body tags updatedBy updatedAt }\n": typeof types.ArticleFieldsFragmentDoc,
    "\n  query Articles($search: String) { articles(search: $search, first: 200) { ...ArticleFields } }\n": typeof types.ArticlesDocument,
    "\n  mutation CreateArticle($input: ArticleInput!) { createArticle(input: $input) { ...ArticleFields } }\n": typeof types.CreateArticleDocument,
    "\n  mutation UpdateArticle($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ...ArticleFields } }\n": typeof types.UpdateArticleDocument,
    "\n  mutation DeleteArticle($id: ID!) { deleteArticle(id: $id) }\n": typeof types.DeleteArticleDocument,
    "\n  mutation ImportArticles($files: [MarkdownFileInput!]!) { importArticles(files: $files) { ...ArticleFields } }\n": typeof types.ImportArticlesDocument,
    "\n  query DraftingQuality($sinceDays: Int!) {\n    draftingQuality(sinceDays: $sinceDays) {\n      intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance\n      meanRawConfidence meanCalibratedConfidence shadowWouldSend shadowApprovedAsIs\n    }\n  }\n": typeof types.DraftingQualityDocument,
    "\n  fragment HandsetMessageFields on HandsetMessage { sid direction from to body status errorCode errorMessage createdAt updatedAt }\n": typeof types.HandsetMessageFieldsFragmentDoc,
    "\n  query HandsetThread($number: String!, $channel: HandsetChannel!) {\n    handsetThread(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n": typeof types.HandsetThreadDocument,
    "\n  mutation SendFromHandset($input: HandsetMessageInput!) {\n    sendFromHandset(input: $input) { ...HandsetMessageFields }\n  }\n": typeof types.SendFromHandsetDocument,
    "\n  subscription HandsetEvents($number: String!, $channel: HandsetChannel!) {\n    handsetEvents(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n": typeof types.HandsetEventsDocument,
    "\n  fragment QueueCase on Case {\n    id stage channel inboundText intent confidence escalationLevel deadline claimedBy claimedUntil deliveryError createdAt\n    customer { id displayName }\n  }\n": typeof types.QueueCaseFragmentDoc,
    "\n  query ReviewQueue($filter: CaseFilter) {\n    awaiting: cases(stage: AWAITING_REVIEW, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n    escalated: cases(stage: ESCALATED, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  fragment SettingFields on EffectiveSetting { key value source environmentVariable fallback description }\n": typeof types.SettingFieldsFragmentDoc,
    "\n  query Settings {\n    effectiveSettings { ...SettingFields }\n    settingsVersions(first: 20) { version createdBy createdAt changes { key before after } }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) { ...SettingFields }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id email role }\n      expiresAt\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query SupervisorBoard {\n    cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, order: OLDEST_FIRST, first: 100) {\n      edges { node { id inboundText stage escalationLevel deadline claimedBy claimedUntil channel intent createdAt } }\n    }\n    teamLoad { user { id email role } claimed decidedToday }\n    users { email role disabled }\n  }\n": typeof types.SupervisorBoardDocument,
    "\n  mutation EscalateCase($id: ID!, $reason: String) { escalateCase(id: $id, reason: $reason) { id stage } }\n": typeof types.EscalateCaseDocument,
    "\n  mutation ReassignCase($id: ID!, $reviewer: String!) { reassignCase(id: $id, reviewer: $reviewer) { id claimedBy } }\n": typeof types.ReassignCaseDocument,
    "\n  fragment ManagedUser on User { id email role disabled createdAt lastLoginAt }\n": typeof types.ManagedUserFragmentDoc,
    "\n  query Users { users { ...ManagedUser } }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...ManagedUser } }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...ManagedUser } }\n": typeof types.UpdateUserDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query CheckReply($caseId: ID!, $text: String!) {\n    checkReply(caseId: $caseId, text: $text) { verdict problems { rule blocking description excerpt } }\n  }\n": typeof types.CheckReplyDocument,
};
const documents: Documents = {
    "\n  query Branding {\n    branding { theme primaryColor radius density }\n  }\n": types.BrandingDocument,
    "\n  subscription CaseEvents { caseEvents { caseId type stage at } }\n": types.CaseEventsDocument,
    "\n  query Me {\n    me { id email role }\n  }\n": types.MeDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { node { id at actor type caseId detail } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment CaseDetail on Case {\n    id stage channel inboundText intent confidence draft reply escalationLevel deadline\n    classification decision decidedBy createdAt updatedAt temporalUiUrl\n    blockedReason deliveryStatus deliveryError\n    attachments { url contentType }\n    replies { id body part status errorCode createdAt }\n    customer {\n      id displayName optedOut\n      identities { id channel address linkedBy }\n      history(last: 20) { id caseId channel direction body createdAt }\n      conversations { id channel disposition summary closedAt closedBy }\n    }\n    conversation { id }\n    findings { rule class severity start end }\n    draftReasoning draftModel draftSources { id title } draftConfidenceRaw\n    editDiff { op text }\n    timeline { id at actor type detail }\n  }\n": types.CaseDetailFragmentDoc,
    "\n  query Case($id: ID!) {\n    case(id: $id) { ...CaseDetail }\n  }\n": types.CaseDocument,
    "\n  mutation DecideCase($id: ID!, $input: DecisionInput!) {\n    decideCase(id: $id, input: $input) { ...CaseDetail }\n  }\n": types.DecideCaseDocument,
    "\n  mutation CloseConversation($id: ID!, $disposition: Disposition!) {\n    closeConversation(id: $id, disposition: $disposition) { id disposition summary }\n  }\n": types.CloseConversationDocument,
    "\n  query Dashboard($from: String!, $to: String!) {\n    dashboard(from: $from, to: $to) {\n      from to\n      volume { channel count }\n      volumeByDay { day channel count }\n      autoSent humanDecided blocked\n      timeToDecision { count p50Seconds p90Seconds }\n      escalations slaBreaches\n      guardrailHits { class rule count }\n      intents { intent reviewed approved edited rejected autoSent acceptanceRate editRate }\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment RuleSetFields on RuleSet {\n    version createdBy createdAt\n    topics { id name phrases neutralReply }\n    customRules { id class severity description phrases regex }\n    builtInRules { id class severity description score enabled }\n    outboundModes { rule mode }\n    outboundRules { id description defaultMode mode }\n  }\n": types.RuleSetFieldsFragmentDoc,
    "\n  query RuleSet($version: Int) { ruleSet(version: $version) { ...RuleSetFields } }\n": types.RuleSetDocument,
    "\n  mutation SaveRuleSet($input: RuleSetInput!) { saveRuleSet(input: $input) { ...RuleSetFields } }\n": types.SaveRuleSetDocument,
    "\n  query TestGuardrails($text: String!, $ruleSetVersion: Int) {\n    testGuardrails(text: $text, ruleSetVersion: $ruleSetVersion) {\n      classification redacted ruleSetVersion elapsedMs\n      findings { rule class severity start end }\n      segments { text rules }\n    }\n  }\n": types.TestGuardrailsDocument,
    "\n  query Backtest($ruleSetVersion: Int!, $sinceDays: Int!) {\n    backtestGuardrails(ruleSetVersion: $ruleSetVersion, sinceDays: $sinceDays) {\n      ruleSetVersion sinceDays messagesScanned changedCount\n      changes { caseId redactedText before after rules }\n    }\n  }\n": types.BacktestDocument,
    "\n  fragment ArticleFields on Article { id slug title body tags updatedBy updatedAt }\n": types.ArticleFieldsFragmentDoc,
    "\n  query Articles($search: String) { articles(search: $search, first: 200) { ...ArticleFields } }\n": types.ArticlesDocument,
    "\n  mutation CreateArticle($input: ArticleInput!) { createArticle(input: $input) { ...ArticleFields } }\n": types.CreateArticleDocument,
    "\n  mutation UpdateArticle($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ...ArticleFields } }\n": types.UpdateArticleDocument,
    "\n  mutation DeleteArticle($id: ID!) { deleteArticle(id: $id) }\n": types.DeleteArticleDocument,
    "\n  mutation ImportArticles($files: [MarkdownFileInput!]!) { importArticles(files: $files) { ...ArticleFields } }\n": types.ImportArticlesDocument,
    "\n  query DraftingQuality($sinceDays: Int!) {\n    draftingQuality(sinceDays: $sinceDays) {\n      intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance\n      meanRawConfidence meanCalibratedConfidence shadowWouldSend shadowApprovedAsIs\n    }\n  }\n": types.DraftingQualityDocument,
    "\n  fragment HandsetMessageFields on HandsetMessage { sid direction from to body status errorCode errorMessage createdAt updatedAt }\n": types.HandsetMessageFieldsFragmentDoc,
    "\n  query HandsetThread($number: String!, $channel: HandsetChannel!) {\n    handsetThread(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n": types.HandsetThreadDocument,
    "\n  mutation SendFromHandset($input: HandsetMessageInput!) {\n    sendFromHandset(input: $input) { ...HandsetMessageFields }\n  }\n": types.SendFromHandsetDocument,
    "\n  subscription HandsetEvents($number: String!, $channel: HandsetChannel!) {\n    handsetEvents(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n": types.HandsetEventsDocument,
    "\n  fragment QueueCase on Case {\n    id stage channel inboundText intent confidence escalationLevel deadline claimedBy claimedUntil deliveryError createdAt\n    customer { id displayName }\n  }\n": types.QueueCaseFragmentDoc,
    "\n  query ReviewQueue($filter: CaseFilter) {\n    awaiting: cases(stage: AWAITING_REVIEW, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n    escalated: cases(stage: ESCALATED, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n  }\n": types.ReviewQueueDocument,
    "\n  fragment SettingFields on EffectiveSetting { key value source environmentVariable fallback description }\n": types.SettingFieldsFragmentDoc,
    "\n  query Settings {\n    effectiveSettings { ...SettingFields }\n    settingsVersions(first: 20) { version createdBy createdAt changes { key before after } }\n  }\n": types.SettingsDocument,
    "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) { ...SettingFields }\n  }\n": types.UpdateSettingsDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id email role }\n      expiresAt\n    }\n  }\n": types.SignInDocument,
    "\n  query SupervisorBoard {\n    cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, order: OLDEST_FIRST, first: 100) {\n      edges { node { id inboundText stage escalationLevel deadline claimedBy claimedUntil channel intent createdAt } }\n    }\n    teamLoad { user { id email role } claimed decidedToday }\n    users { email role disabled }\n  }\n": types.SupervisorBoardDocument,
    "\n  mutation EscalateCase($id: ID!, $reason: String) { escalateCase(id: $id, reason: $reason) { id stage } }\n": types.EscalateCaseDocument,
    "\n  mutation ReassignCase($id: ID!, $reviewer: String!) { reassignCase(id: $id, reviewer: $reviewer) { id claimedBy } }\n": types.ReassignCaseDocument,
    "\n  fragment ManagedUser on User { id email role disabled createdAt lastLoginAt }\n": types.ManagedUserFragmentDoc,
    "\n  query Users { users { ...ManagedUser } }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...ManagedUser } }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...ManagedUser } }\n": types.UpdateUserDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query CheckReply($caseId: ID!, $text: String!) {\n    checkReply(caseId: $caseId, text: $text) { verdict problems { rule blocking description excerpt } }\n  }\n": types.CheckReplyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Branding {\n    branding { theme primaryColor radius density }\n  }\n"): typeof import('./graphql').BrandingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseEvents { caseEvents { caseId type stage at } }\n"): typeof import('./graphql').CaseEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id email role }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { node { id at actor type caseId detail } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseDetail on Case {\n    id stage channel inboundText intent confidence draft reply escalationLevel deadline\n    classification decision decidedBy createdAt updatedAt temporalUiUrl\n    blockedReason deliveryStatus deliveryError\n    attachments { url contentType }\n    replies { id body part status errorCode createdAt }\n    customer {\n      id displayName optedOut\n      identities { id channel address linkedBy }\n      history(last: 20) { id caseId channel direction body createdAt }\n      conversations { id channel disposition summary closedAt closedBy }\n    }\n    conversation { id }\n    findings { rule class severity start end }\n    draftReasoning draftModel draftSources { id title } draftConfidenceRaw\n    editDiff { op text }\n    timeline { id at actor type detail }\n  }\n"): typeof import('./graphql').CaseDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    case(id: $id) { ...CaseDetail }\n  }\n"): typeof import('./graphql').CaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideCase($id: ID!, $input: DecisionInput!) {\n    decideCase(id: $id, input: $input) { ...CaseDetail }\n  }\n"): typeof import('./graphql').DecideCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseConversation($id: ID!, $disposition: Disposition!) {\n    closeConversation(id: $id, disposition: $disposition) { id disposition summary }\n  }\n"): typeof import('./graphql').CloseConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: String!, $to: String!) {\n    dashboard(from: $from, to: $to) {\n      from to\n      volume { channel count }\n      volumeByDay { day channel count }\n      autoSent humanDecided blocked\n      timeToDecision { count p50Seconds p90Seconds }\n      escalations slaBreaches\n      guardrailHits { class rule count }\n      intents { intent reviewed approved edited rejected autoSent acceptanceRate editRate }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuleSetFields on RuleSet {\n    version createdBy createdAt\n    topics { id name phrases neutralReply }\n    customRules { id class severity description phrases regex }\n    builtInRules { id class severity description score enabled }\n    outboundModes { rule mode }\n    outboundRules { id description defaultMode mode }\n  }\n"): typeof import('./graphql').RuleSetFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RuleSet($version: Int) { ruleSet(version: $version) { ...RuleSetFields } }\n"): typeof import('./graphql').RuleSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveRuleSet($input: RuleSetInput!) { saveRuleSet(input: $input) { ...RuleSetFields } }\n"): typeof import('./graphql').SaveRuleSetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestGuardrails($text: String!, $ruleSetVersion: Int) {\n    testGuardrails(text: $text, ruleSetVersion: $ruleSetVersion) {\n      classification redacted ruleSetVersion elapsedMs\n      findings { rule class severity start end }\n      segments { text rules }\n    }\n  }\n"): typeof import('./graphql').TestGuardrailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backtest($ruleSetVersion: Int!, $sinceDays: Int!) {\n    backtestGuardrails(ruleSetVersion: $ruleSetVersion, sinceDays: $sinceDays) {\n      ruleSetVersion sinceDays messagesScanned changedCount\n      changes { caseId redactedText before after rules }\n    }\n  }\n"): typeof import('./graphql').BacktestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArticleFields on Article { id slug title body tags updatedBy updatedAt }\n"): typeof import('./graphql').ArticleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Articles($search: String) { articles(search: $search, first: 200) { ...ArticleFields } }\n"): typeof import('./graphql').ArticlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateArticle($input: ArticleInput!) { createArticle(input: $input) { ...ArticleFields } }\n"): typeof import('./graphql').CreateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateArticle($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ...ArticleFields } }\n"): typeof import('./graphql').UpdateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteArticle($id: ID!) { deleteArticle(id: $id) }\n"): typeof import('./graphql').DeleteArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportArticles($files: [MarkdownFileInput!]!) { importArticles(files: $files) { ...ArticleFields } }\n"): typeof import('./graphql').ImportArticlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftingQuality($sinceDays: Int!) {\n    draftingQuality(sinceDays: $sinceDays) {\n      intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance\n      meanRawConfidence meanCalibratedConfidence shadowWouldSend shadowApprovedAsIs\n    }\n  }\n"): typeof import('./graphql').DraftingQualityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HandsetMessageFields on HandsetMessage { sid direction from to body status errorCode errorMessage createdAt updatedAt }\n"): typeof import('./graphql').HandsetMessageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandsetThread($number: String!, $channel: HandsetChannel!) {\n    handsetThread(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n"): typeof import('./graphql').HandsetThreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendFromHandset($input: HandsetMessageInput!) {\n    sendFromHandset(input: $input) { ...HandsetMessageFields }\n  }\n"): typeof import('./graphql').SendFromHandsetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HandsetEvents($number: String!, $channel: HandsetChannel!) {\n    handsetEvents(number: $number, channel: $channel) { ...HandsetMessageFields }\n  }\n"): typeof import('./graphql').HandsetEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueCase on Case {\n    id stage channel inboundText intent confidence escalationLevel deadline claimedBy claimedUntil deliveryError createdAt\n    customer { id displayName }\n  }\n"): typeof import('./graphql').QueueCaseFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($filter: CaseFilter) {\n    awaiting: cases(stage: AWAITING_REVIEW, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n    escalated: cases(stage: ESCALATED, filter: $filter, first: 100) { edges { node { ...QueueCase } } }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettingFields on EffectiveSetting { key value source environmentVariable fallback description }\n"): typeof import('./graphql').SettingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    effectiveSettings { ...SettingFields }\n    settingsVersions(first: 20) { version createdBy createdAt changes { key before after } }\n  }\n"): typeof import('./graphql').SettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($changes: [SettingChangeInput!]!) {\n    updateSettings(changes: $changes) { ...SettingFields }\n  }\n"): typeof import('./graphql').UpdateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id email role }\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupervisorBoard {\n    cases(filter: { stages: [AWAITING_REVIEW, ESCALATED] }, order: OLDEST_FIRST, first: 100) {\n      edges { node { id inboundText stage escalationLevel deadline claimedBy claimedUntil channel intent createdAt } }\n    }\n    teamLoad { user { id email role } claimed decidedToday }\n    users { email role disabled }\n  }\n"): typeof import('./graphql').SupervisorBoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EscalateCase($id: ID!, $reason: String) { escalateCase(id: $id, reason: $reason) { id stage } }\n"): typeof import('./graphql').EscalateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignCase($id: ID!, $reviewer: String!) { reassignCase(id: $id, reviewer: $reviewer) { id claimedBy } }\n"): typeof import('./graphql').ReassignCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ManagedUser on User { id email role disabled createdAt lastLoginAt }\n"): typeof import('./graphql').ManagedUserFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users { users { ...ManagedUser } }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...ManagedUser } }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...ManagedUser } }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CheckReply($caseId: ID!, $text: String!) {\n    checkReply(caseId: $caseId, text: $text) { verdict problems { rule blocking description excerpt } }\n  }\n"): typeof import('./graphql').CheckReplyDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
