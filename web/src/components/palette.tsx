/** Chart colours: distinguishable, and each one dark enough against white for its label. */
export const severityColors: Record<string, string> = {
  critical: '#8b1a1a',
  high: '#c2410c',
  medium: '#a16207',
  low: '#1d4ed8',
  info: '#4b5563',
};

export const categoricalColors = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
];

export const openedColor = '#b91c1c';
export const resolvedColor = '#047857';
