import { createApp } from 'vue';
import App from './App.vue';
import { startBranding } from './branding/useBranding';
import { router } from './router';
import './styles.css';

// Before mounting, so the first paint already has the stored theme and accent.
startBranding();
createApp(App).use(router).mount('#app');
