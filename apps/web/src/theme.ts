import {
  Badge,
  createTheme,
  Drawer,
  mergeThemeOverrides,
  Modal,
  Select,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';

const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  'Meiryo',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above WCAG AA contrast (4.5:1).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  cursorType: 'pointer',
  components: {
    // Sentence case reads better than capitals, and Japanese has none. A badge
    // keeps its whole label (a status cut to "有…" says nothing): table columns
    // grow or wrap around it instead of shrinking it to an ellipsis.
    Badge: Badge.extend({
      styles: { root: { textTransform: 'none', fontWeight: 600, minWidth: 'max-content' } },
    }),
    // Clicking the chosen option again must not empty a select (a required
    // owner would silently clear); an optional one says so with `clearable`.
    Select: Select.extend({ defaultProps: { allowDeselect: false } }),
  },
});

/**
 * The theme in the user's language: every dialog's and drawer's close button is named
 * (an icon-only button has no accessible name otherwise; axe rule button-name).
 * A dialog may still pass its own closeButtonProps.
 */
export function localizedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      },
    }),
  );
}

/**
 * Keeps text at WCAG AA contrast (4.5:1): Mantine's dimmed grey and error red
 * are too light on white, and its hover tint of light variants (an active nav link under the
 * pointer) too dark for the indigo-9 text on it.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors are text too: red 6 on white is only 3.3:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Placeholders that Mantine draws as text (FileInput) are checked like text: gray 5 is
    // only 2.1:1 on white, this grey 4.7:1.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-indigo-light-hover': '#cad6ff',
    // Light badges and alerts write shade 9 on shade 1; for these hues that is
    // under 4.5:1, so their text is darkened just enough (about 4.8:1).
    '--mantine-color-teal-light-color': '#077554',
    '--mantine-color-green-light-color': '#257735',
    '--mantine-color-lime-light-color': '#4a760a',
    '--mantine-color-yellow-light-color': '#a15300',
    '--mantine-color-orange-light-color': '#b63c0d',
    '--mantine-color-cyan-light-color': '#0b7082',
    '--mantine-color-red-light-color': '#c12828',
  },
  dark: {},
});
