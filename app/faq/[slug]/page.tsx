import { entryRoute } from '@/components/entryRoute';

export const dynamicParams = false;
const route = entryRoute('faq');
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
