import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: 'error',
    },
  },
  {
    // Domain code stays free of the bot SDK and the web framework so that it can outlive them. Triage's
    // adapters beside its domain files (its JSON API, console and sign-in) may use restify.
    files: ['src/knowledge/**', 'src/safety/**', 'src/concerns/**', 'src/triage/**', 'src/shell/**', 'src/indicators/**', 'src/events/**'],
    ignores: ['src/triage/api/**', 'src/triage/console/**', 'src/triage/auth/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder*', 'restify*'] }],
    },
  },
  {
    // ...but not the bot SDK.
    files: ['src/triage/api/**', 'src/triage/console/**', 'src/triage/auth/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder*'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Plain browser scripts, served as they are (no build step, no modules). Browser globals by hand:
    // the globals package is not installed.
    files: ['web/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'fetch', 'URL', 'URLSearchParams', 'Element', 'MutationObserver', 'CSSStyleSheet'].map((name) => [name, 'readonly']),
      ),
    },
  },
);
