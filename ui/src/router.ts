import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { currentUser } from './composables/useSession';
import { hasSession } from './composables/useSessionCheck';
import AuditPage from './pages/AuditPage.vue';
import CasePage from './pages/CasePage.vue';
import DashboardPage from './pages/DashboardPage.vue';
import DraftingQualityPage from './pages/DraftingQualityPage.vue';
import GuardrailsPage from './pages/GuardrailsPage.vue';
import KnowledgePage from './pages/KnowledgePage.vue';
import NotAllowedPage from './pages/NotAllowedPage.vue';
import PhonePage from './pages/PhonePage.vue';
import QueuePage from './pages/QueuePage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import SignInPage from './pages/SignInPage.vue';
import SupervisorPage from './pages/SupervisorPage.vue';
import UsersPage from './pages/UsersPage.vue';
import type { Role } from './types';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    title?: string | ((route: RouteLocationNormalized) => string);
    /** Only these roles may open the page; the API refuses the others anyway, this spares them the errors. */
    roles?: Role[];
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { public: true, title: 'Sign in' } },
    { path: '/', name: 'queue', component: QueuePage, meta: { title: 'Review queue' } },
    {
      path: '/cases/:id',
      name: 'case',
      component: CasePage,
      meta: { title: (route) => `Case ${String(route.params.id)}` },
    },
    { path: '/phone', name: 'phone', component: PhonePage, meta: { title: 'Phone' } },
    { path: '/dashboard', name: 'dashboard', component: DashboardPage, meta: { title: 'Dashboard', roles: ['SUPERVISOR', 'ADMIN'] } },
    { path: '/supervisor', name: 'supervisor', component: SupervisorPage, meta: { title: 'Supervisor', roles: ['SUPERVISOR', 'ADMIN'] } },
    { path: '/audit', name: 'audit', component: AuditPage, meta: { title: 'Audit log', roles: ['SUPERVISOR', 'ADMIN'] } },
    { path: '/admin/settings', name: 'admin-settings', component: SettingsPage, meta: { title: 'Settings', roles: ['ADMIN'] } },
    { path: '/admin/guardrails', name: 'guardrails', component: GuardrailsPage, meta: { title: 'Guardrails', roles: ['ADMIN'] } },
    { path: '/admin/knowledge', name: 'knowledge', component: KnowledgePage, meta: { title: 'Knowledge base', roles: ['ADMIN'] } },
    { path: '/admin/drafting', name: 'drafting-quality', component: DraftingQualityPage, meta: { title: 'Drafting quality', roles: ['ADMIN'] } },
    { path: '/admin/users', name: 'admin-users', component: UsersPage, meta: { title: 'Users', roles: ['ADMIN'] } },
    { path: '/not-allowed', name: 'not-allowed', component: NotAllowedPage, meta: { title: 'Not available' } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

/** Only same-origin paths: ?redirect= must not become an open redirect. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

router.beforeEach(async (to) => {
  const signedIn = await hasSession();
  if (!to.meta.public && !signedIn) {
    return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  if (to.name === 'sign-in' && signedIn) return safeRedirect(to.query.redirect);
  const role = currentUser()?.role;
  if (to.meta.roles && (!role || !to.meta.roles.includes(role))) return { name: 'not-allowed', query: { needs: to.meta.roles.join(',') } };
  return true;
});

router.afterEach((to) => {
  const title = typeof to.meta.title === 'function' ? to.meta.title(to) : to.meta.title;
  document.title = title ? `${title} · Countersign` : 'Countersign';
});
