import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** NHS blue (#005EB8) at shade 6: white text on it has a contrast ratio above 6:1. */
const ferryBlue: MantineColorsTuple = [
  '#e6f0fa',
  '#c5dcf2',
  '#9cc3e8',
  '#6ea7dc',
  '#3f89cf',
  '#1873c4',
  '#005eb8',
  '#004f9c',
  '#003f7d',
  '#002f5e',
];

/** The control plane's theme: readable contrast, visible keyboard focus, dense tables. */
export const theme = createTheme({
  primaryColor: 'ferry',
  primaryShade: 6,
  colors: { ferry: ferryBlue },
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif' },
  components: {
    Table: { defaultProps: { striped: true, highlightOnHover: true, verticalSpacing: 4, fz: 'sm' } },
    // Light alerts keep their tint as a background; their titles stay near-black for contrast.
    Notification: { styles: { description: { color: 'var(--mantine-color-black)' } } },
    Alert: {
      styles: { title: { color: 'var(--mantine-color-black)' }, message: { color: 'var(--mantine-color-black)' } },
    },
  },
});
